package concurrencylab.harness;

import concurrencylab.report.TaskRecord;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One virtual thread per task, named after the mode ({@code virtual-0}, ...); the JDK's carriers run them. */
final class VirtualThreadStrategy implements Strategy {

    @Override
    public Executed run(RunSpec spec, TaskBody body, String taskName, long runStartNanos)
            throws InterruptedException {
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(spec.label() + "-", 1).factory());
        try {
            return Executed.local(ThreadPoolStrategy.runAll(perTask, new ThreadPoolStrategy().wrap(spec, body, runStartNanos)));
        } finally {
            perTask.shutdownNow();
        }
    }
}
