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
 * {@code %%speedup}: the body under each mode and worker count, each after one warm-up run, timed
 * {@code repeat} times (median), against serial runs of the same tasks; checks every mode's results against
 * serial's, and shows a live progress bar while it runs.
 */
final class SpeedupRun {

    private final List<Mode> modes;
    private final List<Integer> workers;
    private final int repeat;
    private final SpeedupOptions options;
    private final String taskName;
    private final TaskCallable body;
    private final Map<Integer, RunResult> serialByTasks = new LinkedHashMap<>();
    private final Map<Integer, List<Long>> serialSamples = new LinkedHashMap<>();
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
        List<Integer> taskCounts = workers.stream().map(options::tasksAt).distinct().toList();
        total = (taskCounts.size() + modes.size() * workers.size()) * (repeat + 1);
        progressId = Displays.display(new ProgressBar("speedup", 0, total, "starting"));
        for (int count : taskCounts) {
            RunSpec spec = RunOptions.of(Mode.SERIAL).withTasks(count).resolve();
            List<Long> samples = new ArrayList<>();
            serialByTasks.put(count, measure(spec, samples));
            serialSamples.put(count, samples);
        }
        List<SpeedupPoint> points = new ArrayList<>();
        for (Mode mode : modes) {
            for (int workerCount : workers) {
                int count = options.tasksAt(workerCount);
                RunSpec spec = RunOptions.of(mode).withWorkers(workerCount).withTasks(count).resolve();
                List<Long> samples = new ArrayList<>();
                RunResult first = mode == Mode.SERIAL ? serialByTasks.get(count) : measure(spec, samples);
                if (mode == Mode.SERIAL) {
                    samples = serialSamples.get(count);
                }
                check(mode.label(), workerCount, first, serialByTasks.get(count));
                points.add(new SpeedupPoint(mode.label(), workerCount, count, samples, median(samples),
                        median(serialSamples.get(count))));
            }
        }
        Displays.update(progressId, new ProgressBar("speedup", total, total, "done"));
        return new SpeedupResult(points, mismatches, Environment.current(), repeat);
    }

    /** A warm-up run, then {@code repeat} timed runs; returns the first timed run for the results check. */
    private RunResult measure(RunSpec spec, List<Long> samples) throws InterruptedException {
        step(spec, "warm-up");
        Runs.run(spec, taskName, body);
        RunResult first = null;
        for (int run = 0; run < repeat; run++) {
            step(spec, "run " + (run + 1) + "/" + repeat);
            RunResult result = Runs.run(spec, taskName, body);
            samples.add(result.wallNanos());
            first = first == null ? result : first;
        }
        return first;
    }

    private void step(RunSpec spec, String what) {
        Displays.update(progressId, new ProgressBar("speedup", done++, total,
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
