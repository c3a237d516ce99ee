package concurrencylab.results;

import java.util.Locale;

/** Formats nanoseconds for people: 3 significant digits and the unit that fits (ns, µs, ms, s). */
public final class Durations {

    private Durations() {
    }

    public static String format(double nanos) {
        if (nanos < 0) {
            return "n/a";
        }
        if (nanos < 1e3) {
            return digits(nanos) + " ns";
        }
        if (nanos < 1e6) {
            return digits(nanos / 1e3) + " µs";
        }
        if (nanos < 1e9) {
            return digits(nanos / 1e6) + " ms";
        }
        return digits(nanos / 1e9) + " s";
    }

    private static String digits(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
