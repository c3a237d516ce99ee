package concurrencylab.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time as the JVM reports it: of the calling thread, and of the whole process (all its threads). */
public final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS = processBean();

    /** CPU that worker processes reported for tasks they ran for this JVM, summed since it started. */
    private static final java.util.concurrent.atomic.AtomicLong WORKERS = new java.util.concurrent.atomic.AtomicLong();

    private CpuClock() {
    }

    static void addWorkers(long nanos) {
        WORKERS.addAndGet(nanos);
    }

    /** CPU nanoseconds of this JVM and of the worker processes' tasks: what a cell cost in all. */
    public static long processAndWorkers() {
        return process() + WORKERS.get();
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
