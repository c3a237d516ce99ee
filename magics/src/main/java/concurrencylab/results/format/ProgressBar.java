package concurrencylab.results.format;

import java.util.Locale;

/** A progress bar value: shown once, then replaced in place as steps finish. */
public record ProgressBar(String title, int done, int total, String current) {

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    public String text() {
        int width = 30;
        int filled = (int) Math.round(fraction() * width);
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %s", title, "#".repeat(filled), ".".repeat(width - filled),
                done, total, current).trim();
    }

    @Override
    public String toString() {
        return text();
    }
}
