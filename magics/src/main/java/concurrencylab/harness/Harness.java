package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.format.ChartImage;
import concurrencylab.results.RunResult;
import concurrencylab.results.format.SpeedupChart;
import concurrencylab.results.SpeedupResult;
import concurrencylab.results.TaskRecord;
import concurrencylab.results.TimeResult;
import concurrencylab.results.TimeitResult;
import concurrencylab.results.format.TimelineChart;
import java.util.Arrays;
import java.util.List;

/**
 * What the measuring magics call inside the runtime JVM. Each entry point takes plain values and the cell
 * body as a {@link TaskCallable} (with its method name, for worker JVMs), runs and measures it, shows the
 * outcome in the notebook, and returns the result value (for {@code -o NAME}). A magic's generated code is
 * one call, for example {@code concurrencylab.harness.Harness.run("threads", 2, 4, 0, "__task_3", () -> __task_3())}.
 */
public final class Harness {

    private Harness() {
    }

    /**
     * Runs the body as {@code tasks} tasks on {@code workers} workers of the executor {@code mode}
     * (serial, threads, virtual or coroutines, processes, gil); 0 means the default (one worker per
     * available processor, one task per worker; GIL interval 5 ms). Shows the summary and results.
     */
    public static RunResult run(String mode, int workers, int tasks, int gilIntervalMillis, String taskName,
                                TaskCallable body) throws InterruptedException {
        RunResult result = execute(mode, workers, tasks, gilIntervalMillis, taskName, body);
        Displays.display(result);
        reportFailures(result);
        return result;
    }

    /** {@link #run} without showing anything: for benchmarks and tests. */
    public static RunResult execute(String mode, int workers, int tasks, int gilIntervalMillis, String taskName,
                                    TaskCallable body) throws InterruptedException {
        return Runs.run(RunSpec.of(mode, workers, tasks, gilIntervalMillis), taskName, body);
    }

    /** {@code %time}: runs the body once, prints wall and CPU time (all threads and workers), returns its value. */
    public static Object time(TaskCallable body) throws Exception {
        return timeResult(body).value();
    }

    /** {@code %time -o NAME}: as {@link #time}, keeping the times beside the value. */
    public static TimeResult timeResult(TaskCallable body) throws Exception {
        long cpuBefore = Runs.processAndWorkersCpu();
        long start = System.nanoTime();
        Object value = null;
        TimeResult result = null;
        try {
            value = body.call();
        } finally {
            result = new TimeResult(System.nanoTime() - start, Runs.processAndWorkersCpu() - cpuBefore, value);
            System.out.println(result);
        }
        return result;
    }

    /** {@code %timeit}: {@code loops} 0 chooses the count like IPython; {@code repeat} 0 means 7. */
    public static TimeitResult timeit(int loops, int repeat, TaskCallable body) throws Exception {
        TimeitResult result = Timeit.measure(loops, repeat, body);
        System.out.println(result);
        return result;
    }

    /**
     * {@code %%speedup}: modes and worker counts as comma-separated lists ({@code "threads,processes"},
     * {@code "1,2,4"}; empty for the defaults), {@code repeat} timed runs each (median), {@code tasks} 0 for one
     * task per worker. Shows a live progress bar, then the speedup chart and the table.
     */
    public static SpeedupResult speedup(String modes, String workers, int repeat, int tasks, boolean svg,
                                        String taskName, TaskCallable body) throws InterruptedException {
        SpeedupResult result = new SpeedupRun(modeList(modes), workerList(workers), repeat < 1 ? 3 : repeat, tasks,
                taskName, body).run();
        Displays.display(ChartImage.of(SpeedupChart.of(result), svg));
        Displays.display(result);
        return result;
    }

    /** {@code %%timeline}: one run, shown as a Gantt chart of which task ran on which worker, when. */
    public static RunResult timeline(String mode, int workers, int tasks, int gilIntervalMillis, boolean svg,
                                     String taskName, TaskCallable body) throws InterruptedException {
        RunResult result = execute(mode, workers, tasks, gilIntervalMillis, taskName, body);
        Displays.display(ChartImage.of(TimelineChart.of(result), svg));
        Displays.display(result);
        reportFailures(result);
        return result;
    }

    static List<String> modeList(String modes) {
        if (modes == null || modes.isBlank()) {
            return List.of("threads", "virtual", "processes");
        }
        return Arrays.stream(modes.split(",")).map(String::trim).filter(mode -> !mode.isEmpty()).toList();
    }

    /** Default worker counts: 1, 2, 4, ... up to the available processors, which is always included. */
    static List<Integer> workerList(String workers) {
        if (workers == null || workers.isBlank()) {
            int cores = Runtime.getRuntime().availableProcessors();
            java.util.TreeSet<Integer> counts = new java.util.TreeSet<>();
            for (int count = 1; count < cores; count *= 2) {
                counts.add(count);
            }
            counts.add(cores);
            return List.copyOf(counts);
        }
        try {
            return Arrays.stream(workers.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("worker counts must be whole numbers like 1,2,4; got '" + workers + "'");
        }
    }

    /** A failed task is an error the user must see, with its trace, beside the results of the others. */
    private static void reportFailures(RunResult result) {
        for (TaskRecord task : result.failures()) {
            System.err.println("task " + task.index() + " failed on " + task.worker() + ": " + task.failure().describe());
            if (!task.failure().trace().isEmpty()) {
                System.err.print(task.failure().trace());
            }
        }
    }
}
