package concurrencylab.magics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The CPU a process has used, from {@code /proc} (Linux), to tell a busy member from an idle one. */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/PID/stat} (USER_HZ, 100 on Linux). */
    private static final int TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** User plus system CPU of {@code pid} so far, in nanoseconds. */
    static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
            return TimeUnit.SECONDS.toNanos(ticks) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code pid} used less than a fifth of a core over a whole second, for at most {@code patienceMillis};
     * true when it did. A member that still runs a cancelled task's loop uses a whole core (or its share of one).
     */
    static boolean becomesQuiet(long pid, long patienceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        while (System.nanoTime() < deadline) {
            long before = nanos(pid);
            long start = System.nanoTime();
            Thread.sleep(1000); // a sampling window, not a wait for a condition
            if ((nanos(pid) - before) * 5 < System.nanoTime() - start) {
                return true;
            }
        }
        return false;
    }
}
