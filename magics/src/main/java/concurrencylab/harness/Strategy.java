package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.GilReport;
import concurrencylab.results.StateTransfer;
import concurrencylab.results.TaskRecord;
import java.util.List;

/** One executor: runs {@code spec.tasks()} tasks of a body and records each. */
interface Strategy {

    /**
     * @param taskName the task method's name, for executors that call it in another JVM
     * @param runStartNanos {@link System#nanoTime()} when the run started; task start times are relative to it
     */
    Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos) throws InterruptedException;

    /** Gets the executor ready for a run of {@code spec} before the run's clock starts (worker JVMs, say). */
    default void prepare(RunSpec spec) throws InterruptedException {
    }

    /**
     * The task records, CPU time spent outside this JVM (by worker processes), what copying the notebook's
     * state to other JVMs cost, and what a GIL did (or null).
     */
    record Executed(List<TaskRecord> records, long remoteCpuNanos, StateTransfer state, GilReport gil) {
        Executed(List<TaskRecord> records, long remoteCpuNanos) {
            this(records, remoteCpuNanos, StateTransfer.NONE, null);
        }

        Executed(List<TaskRecord> records, long remoteCpuNanos, StateTransfer state) {
            this(records, remoteCpuNanos, state, null);
        }

        Executed(List<TaskRecord> records, long remoteCpuNanos, GilReport gil) {
            this(records, remoteCpuNanos, StateTransfer.NONE, gil);
        }

        static Executed local(List<TaskRecord> records) {
            return new Executed(records, 0);
        }
    }

    static Strategy of(Mode mode) {
        return switch (mode) {
            case SERIAL, THREADS -> new ThreadPoolStrategy();
            case VIRTUAL, COROUTINES -> new VirtualThreadStrategy();
            case GIL -> new GilStrategy();
            case PROCESSES -> new ProcessStrategy();
            case CLUSTER -> new ClusterStrategy();
        };
    }
}
