package concurrencylab.harness.task;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time as the JVM reports it: of the calling thread, and of the whole process (all its threads). */
public final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS = processBean();

    private CpuClock() {
    }

    /** CPU nanoseconds of the calling thread, or -1 when unknown (virtual threads). */
    public static long thread() {
        if (Thread.currentThread().isVirtual() || !THREADS.isCurrentThreadCpuTimeSupported()) {
            return -1;
        }
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU nanoseconds of this JVM, every thread included. */
    public static long process() {
        return OS == null ? -1 : OS.getProcessCpuTime();
    }

    private static com.sun.management.OperatingSystemMXBean processBean() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean
                ? bean : null;
    }
}
