package concurrencylab.harness;

import java.util.List;
import java.util.TreeSet;

/**
 * What {@code %%speedup} asks: the modes and worker counts to measure, timed runs per point, tasks per run
 * (null: one per worker) and SVG instead of PNG. Null lists and counts take the defaults stated here.
 */
public record SpeedupOptions(List<Mode> modes, List<Integer> workers, Integer repeat, Integer tasks, boolean svg)
        implements HarnessOptions {

    /** {@code -m} when not given (text, so the magic's help can say it). */
    public static final String DEFAULT_MODES = "threads,virtual,processes";
    /** {@code -r} when not given. */
    public static final int DEFAULT_REPEAT = 3;

    public SpeedupOptions {
        modes = modes == null ? null : List.copyOf(modes);
        workers = workers == null ? null : List.copyOf(workers);
    }

    public static SpeedupOptions fromJson(String json) {
        return OptionsJson.read(json, SpeedupOptions.class);
    }

    public List<Mode> modesOrDefault() {
        if (modes != null) {
            return modes;
        }
        return java.util.Arrays.stream(DEFAULT_MODES.split(",")).map(Mode::parse).toList();
    }

    /** The worker counts; by default 1, 2, 4, ... up to the available processors, which is always included. */
    public List<Integer> workersOrDefault() {
        if (workers != null) {
            return workers;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        TreeSet<Integer> counts = new TreeSet<>();
        for (int count = 1; count < cores; count *= 2) {
            counts.add(count);
        }
        counts.add(cores);
        return List.copyOf(counts);
    }

    public int repeatOrDefault() {
        return repeat == null ? DEFAULT_REPEAT : repeat;
    }

    /** Tasks per run at {@code workerCount} workers: the count asked for, else one per worker. */
    public int tasksAt(int workerCount) {
        return tasks == null ? workerCount : tasks;
    }
}
