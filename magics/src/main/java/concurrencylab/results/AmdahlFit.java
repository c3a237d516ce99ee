package concurrencylab.results;

import java.util.List;

/**
 * Amdahl's law fitted to measured speedups: S(n) = 1 / (f + (1 - f) / n), where f is the serial fraction.
 * Rewritten as 1/S - 1/n = f (1 - 1/n), f is the least-squares slope through the origin, clamped to [0, 1].
 */
public record AmdahlFit(double serialFraction) {

    /** One measured point: speedup at n workers. */
    public record Point(int workers, double speedup) {
    }

    public static AmdahlFit of(List<Point> points) {
        double xy = 0;
        double xx = 0;
        for (Point point : points) {
            if (point.workers() < 2 || point.speedup() <= 0) {
                continue;
            }
            double x = 1 - 1.0 / point.workers();
            double y = 1 / point.speedup() - 1.0 / point.workers();
            xy += x * y;
            xx += x * x;
        }
        double fraction = xx == 0 ? 0 : xy / xx;
        return new AmdahlFit(Math.max(0, Math.min(1, fraction)));
    }

    public double speedup(double workers) {
        return 1 / (serialFraction + (1 - serialFraction) / workers);
    }
}
