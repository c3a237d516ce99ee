package concurrencylab.results;

import java.util.List;

/**
 * One cell of a speedup table: a mode at a worker count, its median time over the repeats, and its speedup
 * over the serial run of the same tasks ({@code serialNanos}); efficiency is speedup per worker.
 * {@code busyFraction} is how busy the tasks kept the workers that could run at once (their CPU time over wall
 * time × those workers): near 1 for CPU-bound work, low for tasks that mostly wait; NaN when unknown.
 */
public record SpeedupPoint(String mode, int workers, int tasks, List<Long> samplesNanos, long medianNanos,
                           long serialNanos, double busyFraction) {

    /** A 1-worker point further than this from serial's time measured noise, not a speedup. */
    public static final double ONE_WORKER_TOLERANCE = 0.10;

    public SpeedupPoint {
        samplesNanos = List.copyOf(samplesNanos);
    }

    /** A point whose busy fraction is unknown. */
    public SpeedupPoint(String mode, int workers, int tasks, List<Long> samplesNanos, long medianNanos,
                        long serialNanos) {
        this(mode, workers, tasks, samplesNanos, medianNanos, serialNanos, Double.NaN);
    }

    public double speedup() {
        return medianNanos == 0 ? 0 : (double) serialNanos / medianNanos;
    }

    public double efficiency() {
        return speedup() / workers;
    }

    /**
     * One worker of a mode other than serial does serial's work: a time more than 10% away from serial's is an
     * unstable measurement (the JIT, other work on the machine), not a speedup or a slowdown of the mode.
     */
    public boolean unstable() {
        return workers == 1 && !mode.equals("serial") && Math.abs(speedup() - 1) > ONE_WORKER_TOLERANCE;
    }
}
