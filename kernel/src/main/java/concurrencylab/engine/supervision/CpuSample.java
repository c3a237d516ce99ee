package concurrencylab.engine.supervision;

import java.time.Duration;

/** CPU time a process has used by a moment; two samples tell how many cores it kept busy in between. */
record CpuSample(long cpuNanos, long wallNanos) {

    static CpuSample of(ProcessHandle process) {
        long cpu = process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return new CpuSample(cpu, System.nanoTime());
    }

    /** Cores busy between {@code earlier} and this sample (1.0 = one core flat out). */
    double coresSince(CpuSample earlier) {
        long wall = wallNanos - earlier.wallNanos;
        return wall <= 0 ? 0 : (double) (cpuNanos - earlier.cpuNanos) / wall;
    }
}
