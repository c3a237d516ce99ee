package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.harness.task.ValueSink;
import concurrencylab.results.TimeitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %timeit}'s loop. Without {@code -n}, loops of 1, 2, 5, 10, 20, ... calls until one lasts at least
 * {@link TimeitOptions#AUTO_TARGET_NANOS}, as IPython does. Then warm-up runs of that many loops until two in a
 * row agree within {@link #STABLE}, so the JIT has finished compiling the statement before anything counts (at
 * most {@link #MAX_WARMUP_RUNS}); then the runs asked for. Every call's value goes to a {@link ValueSink}, so
 * the JIT cannot remove the work as unused.
 */
final class Timeit {

    /** Two warm-up runs within this fraction of each other: the timing has settled. */
    static final double STABLE = 0.05;
    static final int MAX_WARMUP_RUNS = 10;

    private Timeit() {
    }

    static TimeitResult measure(TimeitOptions options, TaskCallable body) throws Exception {
        if (options.loops() != null && options.loops() < 1 || options.repeat() != null && options.repeat() < 1) {
            throw new IllegalArgumentException("-n and -r must be at least 1");
        }
        ValueSink sink = new ValueSink();
        int runs = options.repeatOrDefault();
        sink.consume(body.call());
        int chosen = options.loops() != null ? options.loops() : autoLoops(body, sink);
        int warmupRuns = 0;
        boolean settled = false;
        long previous = -1;
        while (!settled && warmupRuns < MAX_WARMUP_RUNS) {
            long nanos = time(body, chosen, sink);
            warmupRuns++;
            settled = previous > 0 && Math.abs(nanos - previous) <= STABLE * Math.max(nanos, previous);
            previous = nanos;
        }
        List<Double> perLoop = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            perLoop.add((double) time(body, chosen, sink) / chosen);
        }
        return new TimeitResult(chosen, runs, perLoop, warmupRuns, settled);
    }

    private static int autoLoops(TaskCallable body, ValueSink sink) throws Exception {
        for (long scale = 1; ; scale *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                long loops = scale * step;
                if (loops > Integer.MAX_VALUE / 10 || time(body, (int) loops, sink) >= TimeitOptions.AUTO_TARGET_NANOS) {
                    return (int) loops;
                }
            }
        }
    }

    private static long time(TaskCallable body, int loops, ValueSink sink) throws Exception {
        long start = System.nanoTime();
        for (int loop = 0; loop < loops; loop++) {
            sink.consume(body.call());
        }
        return System.nanoTime() - start;
    }
}
