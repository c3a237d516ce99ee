package concurrencylab.harness;

import concurrencylab.harness.task.CpuClock;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.RunResult;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a body once under a spec and measures the run: wall time, and CPU of this JVM plus its workers. */
final class Runs {

    /** CPU that worker processes reported for tasks they ran for this JVM, summed since it started. */
    private static final AtomicLong WORKER_CPU_NANOS = new AtomicLong();

    private Runs() {
    }

    /** CPU nanoseconds of this JVM and of the worker processes' tasks: what a cell cost in all. */
    static long processAndWorkersCpu() {
        return CpuClock.process() + WORKER_CPU_NANOS.get();
    }

    static RunResult run(RunSpec spec, String taskName, TaskCallable body) throws InterruptedException {
        Strategy strategy = Strategy.of(spec.mode());
        strategy.prepare(spec);
        long cpuBefore = CpuClock.process();
        long start = System.nanoTime();
        Strategy.Executed executed = strategy.run(spec, body, taskName, start);
        long wall = System.nanoTime() - start;
        long taskCpu = executed.records().stream().mapToLong(task -> Math.max(0, task.cpuNanos())).sum();
        long processCpu = CpuClock.process() - cpuBefore;
        // the process clock counts every thread (JIT, GC) but ticks in coarse steps on Linux; task clocks are
        // exact but see only task threads: each side takes whichever is larger
        long cpu = spec.mode() == Mode.PROCESSES || spec.mode() == Mode.CLUSTER
                ? processCpu + Math.max(executed.remoteCpuNanos(), taskCpu)
                : Math.max(processCpu, taskCpu) + executed.remoteCpuNanos();
        WORKER_CPU_NANOS.addAndGet(executed.remoteCpuNanos());
        return new RunResult(spec.label(), spec.workers(), executed.records(), wall, cpu, executed.state(),
                executed.gil());
    }
}
