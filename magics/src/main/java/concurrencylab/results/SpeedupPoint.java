package concurrencylab.results;

import java.util.List;

/**
 * One cell of a speedup table: a mode at a worker count, its median time over the repeats, and its speedup
 * over the serial run of the same tasks ({@code serialNanos}); efficiency is speedup per worker.
 */
public record SpeedupPoint(String mode, int workers, int tasks, List<Long> samplesNanos, long medianNanos,
                           long serialNanos) {

    public SpeedupPoint {
        samplesNanos = List.copyOf(samplesNanos);
    }

    public double speedup() {
        return medianNanos == 0 ? 0 : (double) serialNanos / medianNanos;
    }

    public double efficiency() {
        return speedup() / workers;
    }
}
