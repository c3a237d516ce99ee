package concurrencylab.results;

import java.util.Locale;

/**
 * What {@code %time} measured: wall time, and CPU time over every thread of the runtime and its worker JVMs;
 * {@code value} is what the timed code returned.
 */
public record TimeResult(long wallNanos, long cpuNanos, Object value) {

    public double parallelism() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CPU time: %s (all threads and worker processes)%nWall time: %s (parallelism %.2f)",
                Durations.format(cpuNanos), Durations.format(wallNanos), parallelism());
    }
}
