package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Platform threads that each must hold one global lock ({@link Gil}) to run task code. The lock is taken
 * before the task starts and dropped at its end, at {@link Task#checkpoint()} when another thread has waited
 * a switch interval, and around {@link Task#sleep}/{@link Task#blocking}.
 */
final class GilStrategy implements Strategy {

    @Override
    public Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos)
            throws InterruptedException {
        Gil gil = new Gil(spec.gilIntervalMillis());
        TaskCallable underGil = () -> {
            gil.acquire();
            try {
                return body.call();
            } finally {
                gil.releaseIfHeld();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(spec.workers(),
                Thread.ofPlatform().name(spec.label() + "-", 1).factory());
        gil.activate();
        try {
            List<Callable<TaskRecord>> calls = new ArrayList<>();
            for (int index = 0; index < spec.tasks(); index++) {
                int taskIndex = index;
                calls.add(() -> LocalTask.run(underGil, taskIndex, spec.tasks(), runStartNanos));
            }
            return Executed.local(ThreadPoolStrategy.runAll(pool, calls));
        } finally {
            gil.deactivate();
            pool.shutdownNow();
        }
    }
}
