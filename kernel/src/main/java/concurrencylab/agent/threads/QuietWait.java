package concurrencylab.agent.threads;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Waits, briefly, until this JVM stops burning CPU. After a stop, threads of the stopped cell that have
 * not reached a stop check yet (virtual threads waiting for a carrier, say) die only while the stop is
 * still in force; the next snippet clears it, so it waits here first.
 */
public final class QuietWait {

    /** Below this many busy cores the stopped threads are taken to be gone. */
    private static final double QUIET_CORES = 0.2;
    private static final long SAMPLE_MILLIS = 20;

    private QuietWait() {
    }

    /** Returns once one sample shows the process quiet, or after {@code capMillis}. */
    public static void untilQuiet(long capMillis) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(capMillis);
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        while (wall < deadline) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long cpuNow = os.getProcessCpuTime();
            long wallNow = System.nanoTime();
            if (cpu >= 0 && (double) (cpuNow - cpu) / (wallNow - wall) < QUIET_CORES) {
                return;
            }
            cpu = cpuNow;
            wall = wallNow;
        }
    }
}
