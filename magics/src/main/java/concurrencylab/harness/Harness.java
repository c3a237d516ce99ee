package concurrencylab.harness;

import concurrencylab.harness.process.WorkerPool;
import concurrencylab.harness.process.WorkersStarted;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.RunResult;
import concurrencylab.results.SpeedupResult;
import concurrencylab.results.TaskRecord;
import concurrencylab.results.TimeResult;
import concurrencylab.results.TimeitResult;
import concurrencylab.results.format.ChartImage;
import concurrencylab.results.format.SpeedupChart;
import concurrencylab.results.format.TimelineChart;

/**
 * What the measuring magics call inside the runtime JVM. Each entry point takes one options record
 * ({@link HarnessOptions}: null fields are defaults, which the record fills) and the cell body as a
 * {@link TaskCallable} (with its method name, for worker JVMs), runs and measures it, shows the outcome in the
 * notebook, and returns the result value (for {@code -o NAME}). A magic's generated code is one call, for example
 *
 * <pre>{@code
 * concurrencylab.harness.Harness.run(concurrencylab.harness.RunOptions.fromJson("{\"mode\":\"threads\",\"workers\":2,\"tasks\":4}"),
 *         "__task_3", () -> __task_3())
 * }</pre>
 */
public final class Harness {

    private Harness() {
    }

    /**
     * Runs the body as tasks on one executor ({@code %%serial}, {@code %%threads}, {@code %%virtual},
     * {@code %%coroutines}, {@code %%processes}, {@code %%gil}). Shows the summary and results.
     */
    public static RunResult run(RunOptions options, String taskName, TaskCallable body) throws InterruptedException {
        RunResult result = execute(options, taskName, body);
        Displays.display(result);
        reportFailures(result);
        return result;
    }

    /** {@link #run} without showing anything: for benchmarks and tests. */
    public static RunResult execute(RunOptions options, String taskName, TaskCallable body) throws InterruptedException {
        return Runs.run(options.resolve(), taskName, body);
    }

    /**
     * {@code %processes start [-n N]}: starts the worker JVMs a run on N workers needs (default: one per
     * available processor), waits until they are ready and says how long that took. A warm pool only grows.
     */
    public static void startWorkers(Integer workers) throws InterruptedException {
        WorkersStarted started = WorkerPool.shared().awaitWorkers(processWorkers(workers));
        System.out.println(started != null ? started : "the worker JVMs were already running: " + WorkerPool.shared().pids());
    }

    /**
     * Called by {@code %%processes} before its body compiles: starts the worker JVMs it will need in the
     * background, so the start overlaps the compile and the run only waits for what is left (outside its clock).
     */
    public static void warmWorkers(Integer workers) {
        WorkerPool.shared().startInBackground(processWorkers(workers));
    }

    private static int processWorkers(Integer workers) {
        RunOptions options = RunOptions.of(Mode.PROCESSES);
        return (workers == null ? options : options.withWorkers(workers)).resolve().workers();
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

    /** {@code %timeit}: loops chosen like IPython's unless given. */
    public static TimeitResult timeit(TimeitOptions options, TaskCallable body) throws Exception {
        TimeitResult result = Timeit.measure(options, body);
        System.out.println(result);
        return result;
    }

    /** {@link #timeit} without printing: for benchmarks and tests. */
    public static TimeitResult measureTimeit(TimeitOptions options, TaskCallable body) throws Exception {
        return Timeit.measure(options, body);
    }

    /**
     * {@code %%speedup}: every mode at every worker count, each point a warm-up and then the median of the timed
     * runs. Shows a live progress bar, then the speedup chart and the table.
     */
    public static SpeedupResult speedup(SpeedupOptions options, String taskName, TaskCallable body)
            throws InterruptedException {
        SpeedupResult result = new SpeedupRun(options, taskName, body).run();
        Displays.display(ChartImage.of(SpeedupChart.of(result), options.svg()));
        Displays.display(result);
        return result;
    }

    /** {@code %%timeline}: one run, shown as a Gantt chart of which task ran on which worker, when. */
    public static RunResult timeline(TimelineOptions options, String taskName, TaskCallable body)
            throws InterruptedException {
        RunResult result = execute(options.run(), taskName, body);
        Displays.display(ChartImage.of(TimelineChart.of(result), options.svg()));
        Displays.display(result);
        reportFailures(result);
        return result;
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
