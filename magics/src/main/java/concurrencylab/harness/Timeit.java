package concurrencylab.harness;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.TimeitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %timeit}'s loop: one warm-up call, then (when no loop count is given) loops of 1, 2, 5, 10, 20, ...
 * calls until one lasts at least 0.2 s, as IPython does; then {@code repeat} runs of that many loops.
 */
final class Timeit {

    static final long AUTO_TARGET_NANOS = 200_000_000L;
    static final int DEFAULT_REPEAT = 7;

    private Timeit() {
    }

    static TimeitResult measure(int loops, int repeat, TaskCallable body) throws Exception {
        if (loops < 0 || repeat < 0) {
            throw new IllegalArgumentException("-n and -r must not be negative");
        }
        int runs = repeat == 0 ? DEFAULT_REPEAT : repeat;
        body.call();
        int chosen = loops > 0 ? loops : autoLoops(body);
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
                if (loops > Integer.MAX_VALUE / 10 || time(body, (int) loops) >= AUTO_TARGET_NANOS) {
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
