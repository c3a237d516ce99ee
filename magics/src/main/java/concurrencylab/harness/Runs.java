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
        long cpu = CpuClock.process() - cpuBefore + executed.remoteCpuNanos();
        CpuClock.addWorkers(executed.remoteCpuNanos());
        return new RunResult(spec.label(), spec.workers(), executed.records(), wall, cpu);
    }
}
