package concurrencylab.harness;

import concurrencylab.harness.gil.GilPolicy;

/**
 * What {@code %%timeline} asks: one run (mode, workers, tasks, GIL interval, policy and check ticks; null for
 * the defaults, the mode's being {@value #DEFAULT_MODE}) and whether to draw the chart as SVG.
 */
public record TimelineOptions(Mode mode, Integer workers, Integer tasks, Integer gilIntervalMillis, boolean svg,
                              GilPolicy gilPolicy, Integer gilCheckTicks) implements HarnessOptions {

    /** {@code -m} when not given. */
    public static final String DEFAULT_MODE = "threads";

    /** A timeline with the GIL's default policy and check interval. */
    public TimelineOptions(Mode mode, Integer workers, Integer tasks, Integer gilIntervalMillis, boolean svg) {
        this(mode, workers, tasks, gilIntervalMillis, svg, null, null);
    }

    public static TimelineOptions fromJson(String json) {
        return OptionsJson.read(json, TimelineOptions.class);
    }

    /** The run to draw, its mode filled in. */
    public RunOptions run() {
        return new RunOptions(mode == null ? Mode.parse(DEFAULT_MODE) : mode, workers, tasks, gilIntervalMillis,
                gilPolicy, gilCheckTicks);
    }
}
