package concurrencylab.harness;

import concurrencylab.harness.gil.GilSwitch;
import concurrencylab.harness.task.TaskContext;
import java.util.concurrent.Callable;

/**
 * What a cell body run by a concurrency magic can ask about itself. Outside a task, {@link #index()} is 0
 * and {@link #count()} is 1, so a body also runs as a plain cell.
 *
 * <pre>{@code
 * long from = (long) Task.index() * N / Task.count(), to = (long) (Task.index() + 1) * N / Task.count();
 * }</pre>
 */
public final class Task {

    private Task() {
    }

    /** This task's index, from 0 to {@code count() - 1}. */
    public static int index() {
        TaskContext context = TaskContext.current();
        return context == null ? 0 : context.index();
    }

    /** How many tasks the body runs as. */
    public static int count() {
        TaskContext context = TaskContext.current();
        return context == null ? 1 : context.count();
    }

    /** The name of the thread or worker process running this task, for example {@code threads-2}. */
    public static String worker() {
        TaskContext context = TaskContext.current();
        return context == null ? Thread.currentThread().getName() : context.worker();
    }

    /**
     * A switch check of {@code %%gil}, as woven into notebook code at every loop back-edge and method entry:
     * where the holder of the global interpreter lock lets another thread have it, by the run's policy. Notebook
     * code needs no calls to it; code from jars added with {@code %classpath} is not woven and may call it in
     * its loops (JDK code has no checks either: a long {@code Arrays.sort} keeps the lock, as a C function
     * keeps CPython's). One volatile read when no GIL is active.
     */
    public static void checkpoint() {
        GilSwitch.check();
    }

    /** {@link Thread#sleep(long)}, which under {@code %%gil} releases the lock while sleeping (as any sleep does). */
    public static void sleep(long millis) throws InterruptedException {
        GilSwitch.beforeBlocking();
        try {
            Thread.sleep(millis);
        } finally {
            GilSwitch.afterBlocking();
        }
    }

    /**
     * Runs a blocking call with the GIL released, so other {@code %%gil} threads run meanwhile: for blocking
     * calls the simulation does not know (the JDK's sleeps, waits and IO release it by themselves).
     * Outside {@code %%gil} it simply runs the call.
     */
    public static <T> T blocking(Callable<T> call) throws Exception {
        GilSwitch.beforeBlocking();
        try {
            return call.call();
        } finally {
            GilSwitch.afterBlocking();
        }
    }
}
