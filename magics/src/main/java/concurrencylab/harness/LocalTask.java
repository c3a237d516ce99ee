package concurrencylab.harness;

import concurrencylab.report.TaskFailure;
import concurrencylab.report.TaskRecord;

/** Runs one task on the calling thread with its context set, and records its times and outcome. */
final class LocalTask {

    private LocalTask() {
    }

    static TaskRecord run(TaskBody body, int index, int count, long runStartNanos) {
        String worker = Thread.currentThread().getName();
        long cpuBefore = CpuClock.thread();
        long start = System.nanoTime();
        Object result = null;
        TaskFailure failure = null;
        try {
            result = new TaskContext(index, count, worker).runWith(body);
        } catch (Throwable error) {
            failure = TaskFailure.of(error);
        }
        long wall = System.nanoTime() - start;
        long cpuAfter = CpuClock.thread();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        return new TaskRecord(index, worker, start - runStartNanos, wall, cpu, result, failure);
    }
}
