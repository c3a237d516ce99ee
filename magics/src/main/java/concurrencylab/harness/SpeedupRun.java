package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.Environment;
import concurrencylab.results.format.ProgressBar;
import concurrencylab.results.RunResult;
import concurrencylab.results.SpeedupPoint;
import concurrencylab.results.SpeedupResult;
import concurrencylab.results.ValueText;
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

    private final List<String> modes;
    private final List<Integer> workers;
    private final int repeat;
    private final int tasks;
    private final String taskName;
    private final TaskCallable body;
    private final Map<Integer, RunResult> serialByTasks = new LinkedHashMap<>();
    private final Map<Integer, List<Long>> serialSamples = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private String progressId;
    private int done;
    private int total;

    SpeedupRun(List<String> modes, List<Integer> workers, int repeat, int tasks, String taskName, TaskCallable body) {
        if (modes.isEmpty() || workers.isEmpty()) {
            throw new IllegalArgumentException("give at least one mode (-m) and one worker count (-w)");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("-r must be at least 1, got " + repeat);
        }
        modes.forEach(Mode::parse);
        workers.forEach(count -> {
            if (count < 1) {
                throw new IllegalArgumentException("worker counts must be at least 1, got " + count);
            }
        });
        this.modes = List.copyOf(modes);
        this.workers = List.copyOf(workers);
        this.repeat = repeat;
        this.tasks = tasks;
        this.taskName = taskName;
        this.body = body;
    }

    SpeedupResult run() throws InterruptedException {
        List<Integer> taskCounts = workers.stream().map(this::tasksFor).distinct().toList();
        total = (taskCounts.size() + modes.size() * workers.size()) * (repeat + 1);
        progressId = Displays.display(new ProgressBar("speedup", 0, total, "starting"));
        for (int count : taskCounts) {
            RunSpec spec = RunSpec.of("serial", 1, count, 0);
            List<Long> samples = new ArrayList<>();
            serialByTasks.put(count, measure(spec, samples));
            serialSamples.put(count, samples);
        }
        List<SpeedupPoint> points = new ArrayList<>();
        for (String mode : modes) {
            for (int workerCount : workers) {
                int count = tasksFor(workerCount);
                RunSpec spec = RunSpec.of(mode, workerCount, count, 0);
                List<Long> samples = new ArrayList<>();
                RunResult first = mode.equals("serial") ? serialByTasks.get(count) : measure(spec, samples);
                if (mode.equals("serial")) {
                    samples = serialSamples.get(count);
                }
                check(mode, workerCount, first, serialByTasks.get(count));
                points.add(new SpeedupPoint(mode, workerCount, count, samples, median(samples),
                        median(serialSamples.get(count))));
            }
        }
        Displays.update(progressId, new ProgressBar("speedup", total, total, "done"));
        return new SpeedupResult(points, mismatches, Environment.current(), repeat);
    }

    private int tasksFor(int workerCount) {
        return tasks > 0 ? tasks : workerCount;
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
