package concurrencylab.harness;

import concurrencylab.harness.gil.Gil;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Platform threads that each must hold one global lock ({@link Gil}) to run notebook code. A task takes the lock
 * before it starts and gives it back at its end; in between, the switch checks woven into notebook code hand it
 * over by the run's policy, and blocking calls release it while they block.
 */
final class GilStrategy implements Strategy {

    @Override
    public Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos)
            throws InterruptedException {
        Gil gil = new Gil(spec.gilPolicy(), spec.gilIntervalMillis(), spec.gilCheckTicks(), runStartNanos);
        TaskCallable underGil = () -> {
            gil.enter();
            try {
                return body.call();
            } finally {
                gil.exit();
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
            List<TaskRecord> records = ThreadPoolStrategy.runAll(pool, calls);
            return new Executed(records, 0, gil.report());
        } finally {
            gil.deactivate();
            pool.shutdownNow();
        }
    }
}
