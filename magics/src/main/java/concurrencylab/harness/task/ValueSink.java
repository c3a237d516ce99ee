package concurrencylab.harness.task;

import java.lang.ref.WeakReference;

/**
 * Where {@code %timeit} puts each value the timed statement returns, as JMH's {@code Blackhole} does: the JIT
 * must assume the value is used, so it cannot drop the work that computed it, yet consuming costs a few
 * arithmetic operations and (almost never) a store. One sink per measuring thread.
 */
public final class ValueSink {

    private int seed = (int) System.nanoTime();
    private volatile int mask = 1;
    /** Very rarely a value is kept here: a store the JIT cannot prove dead. */
    @SuppressWarnings("unused")
    private WeakReference<Object> kept;

    public void consume(Object value) {
        int currentMask = mask;
        seed = seed * 1664525 + 1013904223;
        if ((seed & currentMask) == 0) {
            // reached once in ever longer stretches: the branch exists, so the value must be computed
            kept = new WeakReference<>(value);
            mask = (currentMask << 1) + 1;
        }
    }
}
