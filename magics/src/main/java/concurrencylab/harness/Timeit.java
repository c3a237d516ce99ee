package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.TimeitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %timeit}'s loop: one warm-up call, then (when no loop count is given) loops of 1, 2, 5, 10, 20, ...
 * calls until one lasts at least {@link TimeitOptions#AUTO_TARGET_NANOS}, as IPython does; then the runs
 * asked for, of that many loops each.
 */
final class Timeit {

    private Timeit() {
    }

    static TimeitResult measure(TimeitOptions options, TaskCallable body) throws Exception {
        if (options.loops() != null && options.loops() < 1 || options.repeat() != null && options.repeat() < 1) {
            throw new IllegalArgumentException("-n and -r must be at least 1");
        }
        int runs = options.repeatOrDefault();
        body.call();
        int chosen = options.loops() != null ? options.loops() : autoLoops(body);
        List<Double> perLoop = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            perLoop.add((double) time(body, chosen) / chosen);
        }
        return new TimeitResult(chosen, runs, perLoop);
    }

    private static int autoLoops(TaskCallable body) throws Exception {
        for (long scale = 1; ; scale *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                long loops = scale * step;
                if (loops > Integer.MAX_VALUE / 10 || time(body, (int) loops) >= TimeitOptions.AUTO_TARGET_NANOS) {
                    return (int) loops;
                }
            }
        }
    }

    private static long time(TaskCallable body, int loops) throws Exception {
        long start = System.nanoTime();
        for (int loop = 0; loop < loops; loop++) {
            body.call();
        }
        return System.nanoTime() - start;
    }
}
