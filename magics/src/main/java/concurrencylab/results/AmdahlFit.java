package concurrencylab.results;

import java.util.List;

/**
 * Amdahl's law fitted to measured speedups: S(n) = 1 / (f + (1 - f) / n), where f is the serial fraction.
 * Rewritten as 1/S - 1/n = f (1 - 1/n), f is the least-squares slope through the origin, clamped to [0, 1].
 * {@code residual} is the root mean square of the fit's relative misses at the points it was fitted to.
 */
public record AmdahlFit(double serialFraction, double residual) {

    /** One measured point: speedup at n workers. */
    public record Point(int workers, double speedup) {
    }

    public AmdahlFit(double serialFraction) {
        this(serialFraction, 0);
    }

    /** Fits the points above one worker (one worker carries no information about f). */
    public static AmdahlFit of(List<Point> points) {
        double xy = 0;
        double xx = 0;
        List<Point> used = points.stream().filter(point -> point.workers() >= 2 && point.speedup() > 0).toList();
        for (Point point : used) {
            double x = 1 - 1.0 / point.workers();
            double y = 1 / point.speedup() - 1.0 / point.workers();
            xy += x * y;
            xx += x * x;
        }
        double fraction = Math.max(0, Math.min(1, xx == 0 ? 0 : xy / xx));
        AmdahlFit fit = new AmdahlFit(fraction);
        double squares = 0;
        for (Point point : used) {
            double miss = (fit.speedup(point.workers()) - point.speedup()) / point.speedup();
            squares += miss * miss;
        }
        return new AmdahlFit(fraction, used.isEmpty() ? 0 : Math.sqrt(squares / used.size()));
    }

    public double speedup(double workers) {
        return 1 / (serialFraction + (1 - serialFraction) / workers);
    }
}
