package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A fixed pool of platform threads named after the mode ({@code threads-1}, ...); serial is a pool of one. */
final class ThreadPoolStrategy implements Strategy {

    @Override
    public Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(spec.workers(),
                Thread.ofPlatform().name(spec.label() + "-", 1).factory());
        try {
            return Executed.local(runAll(pool, wrap(spec, body, runStartNanos)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The callable of each task; the GIL executor wraps it to hold the lock. */
    List<Callable<TaskRecord>> wrap(RunSpec spec, TaskCallable body, long runStartNanos) {
        List<Callable<TaskRecord>> calls = new ArrayList<>();
        for (int index = 0; index < spec.tasks(); index++) {
            int taskIndex = index;
            calls.add(() -> LocalTask.run(body, taskIndex, spec.tasks(), runStartNanos));
        }
        return calls;
    }

    /** Runs every call and waits for all; an interrupt cancels the rest (interrupting running tasks). */
    static List<TaskRecord> runAll(ExecutorService pool, List<Callable<TaskRecord>> calls) throws InterruptedException {
        List<Future<TaskRecord>> futures = new ArrayList<>();
        calls.forEach(call -> futures.add(pool.submit(call)));
        List<TaskRecord> records = new ArrayList<>();
        try {
            for (Future<TaskRecord> future : futures) {
                records.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the harness failed while running a task", e.getCause());
        }
        return records;
    }
}
