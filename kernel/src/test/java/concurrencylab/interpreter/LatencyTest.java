package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up and warm-cell latency of a fresh interpreter; bounds are loose so a busy machine passes. */
class LatencyTest {

    @Test
    void firstResultAndWarmCells() {
        long t0 = System.nanoTime();
        JShellInterpreter interpreter = new JShellInterpreter(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        try {
            interpreter.start();
            assertTrue(interpreter.execute("1+1", new RecordingCell()).succeeded());
            long firstMillis = (System.nanoTime() - t0) / 1_000_000;
            long[] nanos = new long[60];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                interpreter.execute("1+1", new RecordingCell());
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            double median = nanos[nanos.length / 2] / 1e6;
            double p90 = nanos[nanos.length * 9 / 10] / 1e6;
            System.out.printf("first 1+1 result %d ms after start; warm 1+1 median %.1f ms, p90 %.1f ms%n",
                    firstMillis, median, p90);
            // Bounds that catch a hang, not a speed: bench/kernel measures the figures beside JShell's own eval.
            assertTrue(firstMillis < 60_000, "first result took " + firstMillis + " ms");
            assertTrue(median < 5_000, "warm median " + median + " ms");
        } finally {
            interpreter.shutdown(false);
        }
    }
}
