package concurrencylab.harness;

/**
 * A run with every default filled ({@link RunOptions#resolve()}): the mode (whose name also names the threads),
 * how many workers and tasks, and for {@code %%gil} the switch interval.
 */
public record RunSpec(Mode mode, int workers, int tasks, int gilIntervalMillis) {

    public RunSpec {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, got " + tasks);
        }
    }

    /** The mode's name, as threads and results show it. */
    public String label() {
        return mode.label();
    }
}
