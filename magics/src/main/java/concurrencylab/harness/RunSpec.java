package concurrencylab.harness;

/**
 * How to run a body: on which executor ({@code label} is the name the user chose, used to name threads),
 * with how many workers and tasks, and for {@code %%gil} the switch interval.
 */
public record RunSpec(Mode mode, String label, int workers, int tasks, int gilIntervalMillis) {

    public static final int DEFAULT_GIL_INTERVAL_MILLIS = 5;

    public RunSpec {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, got " + tasks);
        }
    }

    /**
     * Fills the defaults: workers 0 means one per available processor (for virtual threads: one per task),
     * tasks 0 means one per worker.
     */
    public static RunSpec of(String modeName, int workers, int tasks, int gilIntervalMillis) {
        Mode mode = Mode.parse(modeName);
        int defaultWorkers = mode == Mode.VIRTUAL && tasks > 0 ? tasks : Runtime.getRuntime().availableProcessors();
        int chosenWorkers = mode == Mode.SERIAL ? 1 : workers > 0 ? workers : defaultWorkers;
        int chosenTasks = tasks > 0 ? tasks : chosenWorkers;
        int interval = gilIntervalMillis > 0 ? gilIntervalMillis : DEFAULT_GIL_INTERVAL_MILLIS;
        return new RunSpec(mode, modeName.trim(), chosenWorkers, chosenTasks, interval);
    }
}
