package concurrencylab.harness;

import concurrencylab.report.RunResult;

/** Runs a body once under a spec and measures the run: wall time, and CPU of this JVM plus its workers. */
final class Runs {

    private Runs() {
    }

    static RunResult run(RunSpec spec, String taskName, TaskBody body) throws InterruptedException {
        long cpuBefore = CpuClock.process();
        long start = System.nanoTime();
        Strategy.Executed executed = Strategy.of(spec.mode()).run(spec, body, taskName, start);
        long wall = System.nanoTime() - start;
        long taskCpu = executed.records().stream().mapToLong(task -> Math.max(0, task.cpuNanos())).sum();
        long processCpu = CpuClock.process() - cpuBefore;
        // the process clock counts every thread (JIT, GC) but ticks in coarse steps on Linux; task clocks are
        // exact but see only task threads: each side takes whichever is larger
        long cpu = spec.mode() == Mode.PROCESSES
                ? processCpu + Math.max(executed.remoteCpuNanos(), taskCpu)
                : Math.max(processCpu, taskCpu) + executed.remoteCpuNanos();
        CpuClock.addWorkers(executed.remoteCpuNanos());
        return new RunResult(spec.label(), spec.workers(), executed.records(), wall, cpu);
    }
}
