package concurrencylab.results;

import java.util.List;
import java.util.Locale;

/**
 * What {@code %timeit} measured: {@code repeat} runs of {@code loops} calls each; {@code perLoopNanos} holds
 * each run's time divided by its loops. Mean ± standard deviation and the best run, as IPython reports, and
 * how many warm-up runs of as many loops came first ({@code settled}: the last two agreed within 5%).
 */
public record TimeitResult(int loops, int repeat, List<Double> perLoopNanos, int warmupRuns, boolean settled) {

    /**
     * Below this per call the figure is suspect: a few machine instructions, so the JIT may have folded the
     * statement into a constant or hoisted it out of the loop.
     */
    public static final double SUSPICIOUS_NANOS = 5;

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

    /** The plain warnings that go with the figure; empty when there are none. */
    public List<String> warnings() {
        List<String> warnings = new java.util.ArrayList<>();
        if (best() < SUSPICIOUS_NANOS) {
            warnings.add(String.format(Locale.ROOT, "Warning: under %.0f ns per call is a few machine instructions:"
                    + " the JIT may have optimised the work away (a constant expression computed once, or work"
                    + " moved out of the loop). Read the inputs from a variable, and compare with a statement whose"
                    + " cost you know.", SUSPICIOUS_NANOS));
        }
        if (!settled) {
            warnings.add("Warning: the timing did not settle in " + warmupRuns + " warm-up runs (other work on the"
                    + " machine, or garbage collection): the spread above is real noise.");
        }
        return warnings;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s ± %s per loop (mean ± std. dev. of %d run%s, %d loop%s each, after %d warm-up run%s), best %s",
                Durations.format(average()), Durations.format(stdev()), repeat, repeat == 1 ? "" : "s",
                loops, loops == 1 ? "" : "s", warmupRuns, warmupRuns == 1 ? "" : "s", Durations.format(best())));
        warnings().forEach(warning -> text.append('\n').append(warning));
        return text.toString();
    }
}
