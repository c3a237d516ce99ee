package concurrencylab.harness;

/**
 * What {@code %%timeline} asks: one run (mode, workers, tasks, GIL interval; null for the defaults, the mode's
 * being {@value #DEFAULT_MODE}) and whether to draw the chart as SVG.
 */
public record TimelineOptions(Mode mode, Integer workers, Integer tasks, Integer gilIntervalMillis, boolean svg)
        implements HarnessOptions {

    /** {@code -m} when not given. */
    public static final String DEFAULT_MODE = "threads";

    public static TimelineOptions fromJson(String json) {
        return OptionsJson.read(json, TimelineOptions.class);
    }

    /** The run to draw, its mode filled in. */
    public RunOptions run() {
        return new RunOptions(mode == null ? Mode.parse(DEFAULT_MODE) : mode, workers, tasks, gilIntervalMillis);
    }
}
