package concurrencylab.harness;

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
     * A point where a {@code %%gil} task lets another thread take the global interpreter lock, when the
     * switch interval has passed and one is waiting (CPython checks the same request between bytecodes).
     * Costs one volatile read when no GIL is active; call it in hot loops of CPU-bound code.
     */
    public static void checkpoint() {
        Gil gil = Gil.active();
        if (gil != null) {
            gil.checkpoint();
        }
    }

    /** {@link Thread#sleep(long)} that releases the GIL while sleeping, as CPython's {@code time.sleep} does. */
    public static void sleep(long millis) throws InterruptedException {
        Gil gil = Gil.active();
        boolean released = gil != null && gil.releaseIfHeld();
        try {
            Thread.sleep(millis);
        } finally {
            if (released) {
                gil.acquire();
            }
        }
    }

    /**
     * Runs a blocking call (IO, waiting) with the GIL released, so other {@code %%gil} threads run meanwhile.
     * Outside {@code %%gil} it simply runs the call.
     */
    public static <T> T blocking(Callable<T> call) throws Exception {
        Gil gil = Gil.active();
        boolean released = gil != null && gil.releaseIfHeld();
        try {
            return call.call();
        } finally {
            if (released) {
                gil.acquire();
            }
        }
    }
}
