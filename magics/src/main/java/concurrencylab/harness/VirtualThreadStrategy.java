package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.TaskRecord;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One virtual thread per task, named after the mode ({@code virtual-0}, ...); the JDK's carriers run them.
 * At most {@code workers} of them run the body at once (all of them unless asked otherwise), so that
 * {@code %%speedup} can vary the concurrency of virtual threads as it does the size of a pool.
 */
final class VirtualThreadStrategy implements Strategy {

    @Override
    public Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos)
            throws InterruptedException {
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(spec.label() + "-", 1).factory());
        try {
            List<Callable<TaskRecord>> tasks = new ThreadPoolStrategy().wrap(spec, body, runStartNanos);
            if (spec.workers() < spec.tasks()) {
                Semaphore permits = new Semaphore(spec.workers());
                tasks = tasks.stream().<Callable<TaskRecord>>map(task -> () -> {
                    permits.acquire();
                    try {
                        return task.call();
                    } finally {
                        permits.release();
                    }
                }).toList();
            }
            return Executed.local(ThreadPoolStrategy.runAll(perTask, tasks));
        } finally {
            perTask.shutdownNow();
        }
    }
}
