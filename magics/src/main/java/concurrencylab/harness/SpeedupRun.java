package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.Environment;
import concurrencylab.results.RunResult;
import concurrencylab.results.SpeedupPoint;
import concurrencylab.results.SpeedupResult;
import concurrencylab.results.ValueText;
import concurrencylab.results.format.ProgressBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code %%speedup}: the body under each mode and worker count against serial runs of the same tasks. Warm-up
 * passes run every point once, in turn, until each point's time agrees with its previous pass within
 * {@link #STABLE} (at least two passes, at most {@link #MAX_WARMUP_PASSES}); then the {@code repeat} timed passes
 * run every point once per pass, interleaved, so no mode (serial least of all) is measured on a colder JIT or
 * in a quieter minute than the others. Each point's time is the median of its samples. Checks every mode's
 * results against serial's, and shows a live progress bar while it runs.
 */
final class SpeedupRun {

    /** A point whose time moved less than this between two warm-up passes has settled. */
    static final double STABLE = 0.10;
    static final int MAX_WARMUP_PASSES = 6;

    /** One thing to time: a mode at a worker count (serial: one worker), with its samples and first timed run. */
    private static final class Cell {
        final RunSpec spec;
        final List<Long> samples = new ArrayList<>();
        long lastWarmup = -1;
        boolean settled;
        RunResult firstTimed;

        Cell(RunSpec spec) {
            this.spec = spec;
        }
    }

    private final List<Mode> modes;
    private final List<Integer> workers;
    private final int repeat;
    private final SpeedupOptions options;
    private final String taskName;
    private final TaskCallable body;
    private final List<String> mismatches = new ArrayList<>();
    private String progressId;
    private int done;
    private int total;

    SpeedupRun(SpeedupOptions options, String taskName, TaskCallable body) {
        this.modes = options.modesOrDefault();
        this.workers = options.workersOrDefault();
        this.repeat = options.repeatOrDefault();
        if (modes.isEmpty() || workers.isEmpty()) {
            throw new IllegalArgumentException("give at least one mode (-m) and one worker count (-w)");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("-r must be at least 1, got " + repeat);
        }
        workers.forEach(count -> {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("worker counts must be at least 1, got " + count);
            }
        });
        this.options = options;
        this.taskName = taskName;
        this.body = body;
    }

    SpeedupResult run() throws InterruptedException {
        Map<Integer, Cell> serial = new LinkedHashMap<>();
        for (int count : workers.stream().map(options::tasksAt).distinct().toList()) {
            serial.put(count, new Cell(RunOptions.of(Mode.SERIAL).withTasks(count).resolve()));
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Mode mode : modes) {
            for (int workerCount : workers) {
                int count = options.tasksAt(workerCount);
                cells.put(mode.label() + "@" + workerCount, mode == Mode.SERIAL ? serial.get(count)
                        : new Cell(RunOptions.of(mode).withWorkers(workerCount).withTasks(count).resolve()));
            }
        }
        List<Cell> all = new ArrayList<>(serial.values());
        cells.values().stream().filter(cell -> !all.contains(cell)).forEach(all::add);
        total = all.size() * (MAX_WARMUP_PASSES + repeat);
        progressId = Displays.display(new ProgressBar("speedup", 0, total, "starting"));
        int passes = 0;
        while (passes < 2 || passes < MAX_WARMUP_PASSES && !all.stream().allMatch(cell -> cell.settled)) {
            passes++;
            for (Cell cell : all) {
                step(cell.spec, "warm-up pass " + passes);
                long nanos = Runs.run(cell.spec, taskName, body).wallNanos();
                cell.settled = cell.lastWarmup > 0
                        && Math.abs(nanos - cell.lastWarmup) <= STABLE * Math.max(nanos, cell.lastWarmup);
                cell.lastWarmup = nanos;
            }
        }
        done = all.size() * MAX_WARMUP_PASSES;
        for (int pass = 0; pass < repeat; pass++) {
            for (Cell cell : all) {
                step(cell.spec, "run " + (pass + 1) + "/" + repeat);
                RunResult result = Runs.run(cell.spec, taskName, body);
                cell.samples.add(result.wallNanos());
                cell.firstTimed = cell.firstTimed == null ? result : cell.firstTimed;
            }
        }
        List<SpeedupPoint> points = new ArrayList<>();
        for (Mode mode : modes) {
            for (int workerCount : workers) {
                int count = options.tasksAt(workerCount);
                Cell cell = cells.get(mode.label() + "@" + workerCount);
                Cell baseline = serial.get(count);
                check(mode.label(), workerCount, cell.firstTimed, baseline.firstTimed);
                points.add(new SpeedupPoint(mode.label(), workerCount, count, cell.samples, median(cell.samples),
                        median(baseline.samples), busyFraction(cell.firstTimed, workerCount)));
            }
        }
        Displays.update(progressId, new ProgressBar("speedup", total, total, "done"));
        boolean settled = all.stream().allMatch(cell -> cell.settled);
        return new SpeedupResult(points, mismatches, Environment.current(), repeat, passes, settled);
    }

    /**
     * How busy the run kept its workers: the tasks' CPU time over wall time × the workers that could run at
     * once; NaN where a task's CPU is unknown (virtual threads, worker processes that did not say).
     */
    private static double busyFraction(RunResult run, int workerCount) {
        if (run.tasks().stream().anyMatch(task -> task.cpuNanos() < 0) || run.wallNanos() <= 0) {
            return Double.NaN;
        }
        long cpu = run.tasks().stream().mapToLong(task -> task.cpuNanos()).sum();
        int parallel = Math.min(workerCount, Math.min(run.tasks().size(), Runtime.getRuntime().availableProcessors()));
        return (double) cpu / ((double) run.wallNanos() * parallel);
    }

    private void step(RunSpec spec, String what) {
        Displays.update(progressId, new ProgressBar("speedup", Math.min(done++, total), total,
                spec.label() + " × " + spec.workers() + ", " + what));
    }

    private void check(String mode, int workerCount, RunResult run, RunResult serial) {
        String where = mode + " at " + workerCount + " worker" + (workerCount == 1 ? "" : "s");
        if (!run.succeeded()) {
            mismatches.add(where + ": task " + run.failures().get(0).index() + " failed: "
                    + run.failures().get(0).failure().describe());
        } else if (!Objects.deepEquals(run.results().toArray(), serial.results().toArray())) {
            mismatches.add(where + " gave " + ValueText.show(run.value()) + ", serial gave " + ValueText.show(serial.value()));
        }
    }

    static long median(List<Long> samples) {
        List<Long> sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
