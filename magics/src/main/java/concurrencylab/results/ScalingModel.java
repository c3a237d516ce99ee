package concurrencylab.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one mode's speedups say about its scaling: Amdahl's law with its serial fraction when the points allow
 * a fit and follow it, else (fit null) the reason in words. A fit needs speedups at two or more worker counts
 * above 1 (a curve through one point fits anything); points above their worker count (superlinear), tasks that
 * mostly wait (I/O-bound) and a fit that misses the points by more than {@link #MAX_RESIDUAL} on average are
 * not Amdahl's law at work.
 */
public record ScalingModel(String mode, AmdahlFit fit, String reason) {

    /** A fit that misses the points by more than this (root mean square, relative) does not explain them. */
    public static final double MAX_RESIDUAL = 0.15;
    /** Tasks that kept their workers busy less than this fraction of the time mostly waited. */
    public static final double WAITING = 0.5;

    static ScalingModel of(String mode, List<SpeedupPoint> points, int cores) {
        List<SpeedupPoint> usable = points.stream().filter(point -> point.workers() > 1).toList();
        long counts = usable.stream().mapToInt(SpeedupPoint::workers).distinct().count();
        if (counts < 2) {
            return new ScalingModel(mode, null, "no Amdahl fit: it needs speedups at two or more worker counts above 1"
                    + " (measured at " + (counts == 0 ? "none" : "one") + ")");
        }
        // Tasks that mostly waited come first: waiting also explains points above the workers or the cores.
        double busy = usable.stream().mapToDouble(SpeedupPoint::busyFraction).filter(f -> !Double.isNaN(f))
                .average().orElse(Double.NaN);
        if (busy < WAITING) {
            return new ScalingModel(mode, null, String.format(Locale.ROOT, IO_BOUND + " (the tasks kept"
                    + " their workers busy %.0f%% of the time; they mostly waited), and Amdahl's law is about CPU"
                    + " work", 100 * busy));
        }
        List<String> superlinear = new ArrayList<>();
        for (SpeedupPoint point : usable) {
            if (point.speedup() > point.workers() * 1.05) {
                superlinear.add(String.format(Locale.ROOT, "%.2f× at %d workers", point.speedup(), point.workers()));
            }
        }
        if (!superlinear.isEmpty()) {
            return new ScalingModel(mode, null, "no Amdahl fit: superlinear (" + String.join(", ", superlinear)
                    + "): more than the workers can give by sharing CPU work, so the tasks wait (I/O, sleep) or"
                    + " caches changed, and Amdahl's law for CPU work does not describe them");
        }
        double best = usable.stream().mapToDouble(SpeedupPoint::speedup).max().orElse(0);
        if (best > cores * 1.05) {
            return new ScalingModel(mode, null, String.format(Locale.ROOT, IO_BOUND + " (%.2f× on %d"
                    + " cores: the tasks mostly waited, and waits overlap without cores), and Amdahl's law is about"
                    + " CPU work", best, cores));
        }
        AmdahlFit fit = AmdahlFit.of(usable.stream().map(point -> new AmdahlFit.Point(point.workers(),
                point.speedup())).toList());
        if (fit.residual() > MAX_RESIDUAL) {
            return new ScalingModel(mode, null, String.format(Locale.ROOT, "no Amdahl fit: the best curve misses the"
                    + " points by %.0f%% on average, so something else limits this mode (overheads that grow with"
                    + " the workers, too few cores, other work on the machine)", 100 * fit.residual()));
        }
        return new ScalingModel(mode, fit, null);
    }

    /** Whether the tasks mostly waited (I/O-bound): speedups above the cores are then no mystery. */
    public boolean waits() {
        return reason != null && reason.startsWith(IO_BOUND);
    }

    private static final String IO_BOUND = "no Amdahl fit: I/O-bound";

    /** One line: the fit's serial fraction, or why there is none. */
    public String line() {
        return fit != null
                ? String.format(Locale.ROOT, "Amdahl fit, %s: serial fraction %.1f%% (fit within %.0f%%)", mode,
                        100 * fit.serialFraction(), 100 * fit.residual())
                : mode + ": " + reason;
    }
}
