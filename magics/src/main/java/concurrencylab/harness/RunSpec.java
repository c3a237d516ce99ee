package concurrencylab.harness;

import concurrencylab.harness.gil.GilPolicy;

/**
 * A run with every default filled ({@link RunOptions#resolve()}): the mode (whose name also names the threads),
 * how many workers and tasks, and for {@code %%gil} the policy, its switch interval (new) and check interval in
 * ticks (old).
 */
public record RunSpec(Mode mode, int workers, int tasks, int gilIntervalMillis, GilPolicy gilPolicy,
                      int gilCheckTicks) {

    public RunSpec {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, got " + tasks);
        }
    }

    /** A run with the GIL's default policy and check interval. */
    public RunSpec(Mode mode, int workers, int tasks, int gilIntervalMillis) {
        this(mode, workers, tasks, gilIntervalMillis, GilPolicy.NEW, RunOptions.DEFAULT_GIL_CHECK_TICKS);
    }

    /** The mode's name, as threads and results show it. */
    public String label() {
        return mode.label();
    }
}
