package concurrencylab.results;

import java.util.List;
import java.util.Locale;

/**
 * What {@code %timeit} measured: {@code repeat} runs of {@code loops} calls each; {@code perLoopNanos} holds
 * each run's time divided by its loops. Mean ± standard deviation and the best run, as IPython reports.
 */
public record TimeitResult(int loops, int repeat, List<Double> perLoopNanos) {

    public TimeitResult {
        perLoopNanos = List.copyOf(perLoopNanos);
    }

    public double average() {
        return perLoopNanos.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Population standard deviation of the per-loop times, as IPython's {@code TimeitResult.stdev}. */
    public double stdev() {
        double mean = average();
        double squares = perLoopNanos.stream().mapToDouble(time -> (time - mean) * (time - mean)).sum();
        return perLoopNanos.isEmpty() ? 0 : Math.sqrt(squares / perLoopNanos.size());
    }

    public double best() {
        return perLoopNanos.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    public double worst() {
        return perLoopNanos.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ± %s per loop (mean ± std. dev. of %d run%s, %d loop%s each), best %s",
                Durations.format(average()), Durations.format(stdev()), repeat, repeat == 1 ? "" : "s",
                loops, loops == 1 ? "" : "s", Durations.format(best()));
    }
}
