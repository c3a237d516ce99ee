package concurrencylab.harness;

import concurrencylab.harness.gil.GilPolicy;
import java.util.Objects;

/**
 * What {@code %%serial}, {@code %%threads}, {@code %%virtual}, {@code %%coroutines}, {@code %%processes} and
 * {@code %%gil} ask of one run: the mode, and how many workers and tasks and (for {@code gil}) the policy, the
 * switch interval and the check interval in ticks, each null for its default. {@link #resolve()} fills the
 * defaults.
 */
public record RunOptions(Mode mode, Integer workers, Integer tasks, Integer gilIntervalMillis, GilPolicy gilPolicy,
                         Integer gilCheckTicks) implements HarnessOptions {

    /** {@code --interval} of {@code %%gil} and {@code %%timeline -m gil} when not given: CPython's 5 ms. */
    public static final int DEFAULT_GIL_INTERVAL_MILLIS = 5;
    /** {@code --ticks} of {@code --policy old} when not given: CPython's check interval before 3.2. */
    public static final int DEFAULT_GIL_CHECK_TICKS = 100;

    public RunOptions {
        Objects.requireNonNull(mode, "a run needs its mode");
    }

    /** A run without GIL settings of its own. */
    public RunOptions(Mode mode, Integer workers, Integer tasks, Integer gilIntervalMillis) {
        this(mode, workers, tasks, gilIntervalMillis, null, null);
    }

    /** A run in this mode with every default. */
    public static RunOptions of(Mode mode) {
        return new RunOptions(mode, null, null, null);
    }

    public static RunOptions fromJson(String json) {
        return OptionsJson.read(json, RunOptions.class);
    }

    public RunOptions withWorkers(int count) {
        return new RunOptions(mode, count, tasks, gilIntervalMillis, gilPolicy, gilCheckTicks);
    }

    public RunOptions withTasks(int count) {
        return new RunOptions(mode, workers, count, gilIntervalMillis, gilPolicy, gilCheckTicks);
    }

    public RunOptions withGilInterval(int millis) {
        return new RunOptions(mode, workers, tasks, millis, gilPolicy, gilCheckTicks);
    }

    public RunOptions withGilPolicy(GilPolicy policy) {
        return new RunOptions(mode, workers, tasks, gilIntervalMillis, policy, gilCheckTicks);
    }

    public RunOptions withGilCheckTicks(int ticks) {
        return new RunOptions(mode, workers, tasks, gilIntervalMillis, gilPolicy, ticks);
    }

    /**
     * The run with every default filled: workers one per available processor (serial: one; virtual threads
     * with a task count: one per task; cluster: one per member), tasks one per worker, GIL policy new, interval
     * {@value #DEFAULT_GIL_INTERVAL_MILLIS} ms, check interval {@value #DEFAULT_GIL_CHECK_TICKS} ticks.
     */
    public RunSpec resolve() {
        int defaultWorkers = mode.executor() == Mode.VIRTUAL && tasks != null ? tasks
                : mode == Mode.CLUSTER ? concurrencylab.harness.cluster.NotebookCluster.memberCount()
                : Runtime.getRuntime().availableProcessors();
        int chosenWorkers = mode == Mode.SERIAL ? 1 : workers != null ? workers : defaultWorkers;
        int chosenTasks = tasks != null ? tasks : chosenWorkers;
        int interval = gilIntervalMillis != null ? gilIntervalMillis : DEFAULT_GIL_INTERVAL_MILLIS;
        return new RunSpec(mode, chosenWorkers, chosenTasks, interval, gilPolicy != null ? gilPolicy : GilPolicy.NEW,
                gilCheckTicks != null ? gilCheckTicks : DEFAULT_GIL_CHECK_TICKS);
    }
}
