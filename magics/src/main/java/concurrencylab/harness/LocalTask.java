package concurrencylab.harness;

import concurrencylab.harness.task.CpuClock;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.harness.task.TaskContext;
import concurrencylab.harness.task.TaskFrames;
import concurrencylab.results.TaskFailure;
import concurrencylab.results.TaskRecord;

/** Runs one task on the calling thread with its context set, and records its times and outcome. */
final class LocalTask {

    private LocalTask() {
    }

    static TaskRecord run(TaskCallable body, int index, int count, long runStartNanos) {
        String worker = Thread.currentThread().getName();
        long cpuBefore = CpuClock.thread();
        long start = System.nanoTime();
        Object result = null;
        TaskFailure failure = null;
        try {
            result = new TaskContext(index, count, worker).runWith(body);
        } catch (Throwable error) {
            failure = TaskFailure.of(error, className -> TaskFrames.calling(className, LocalTask.class));
        }
        long wall = System.nanoTime() - start;
        long cpuAfter = CpuClock.thread();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        return new TaskRecord(index, worker, start - runStartNanos, wall, cpu, result, failure);
    }
}
