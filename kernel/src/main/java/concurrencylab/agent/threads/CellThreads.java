package concurrencylab.agent.threads;

import java.util.concurrent.Callable;

/**
 * Runs a snippet on a thread of its own group, a child of the engine's. JShell's engine gives each snippet
 * a thread group whose handler keeps only the snippet's own exception and drops every other: a thread a
 * cell started (by hand or through an executor: threads join their creator's group) died without a word.
 * Plain Java prints {@code Exception in thread "..."} for them, and so does the notebook, through the
 * JVM's default handler (set by the runtime's main class). Being a child group, it is still reached by the
 * engine's stop (which interrupts the whole group) and counted by the thread survey.
 */
public final class CellThreads {

    private static final String GROUP = "notebook cell";
    /** The engine's snippet thread while it waits for the cell's thread: engine plumbing, not notebook code. */
    private static volatile Thread waiting;

    private CellThreads() {
    }

    /** Runs {@code snippet} on a new thread of a cell group and returns its value, or throws what it threw. */
    public static Object call(Callable<Object> snippet) throws Throwable {
        ThreadGroup group = new ThreadGroup(Thread.currentThread().getThreadGroup(), GROUP) {
            @Override
            public void uncaughtException(Thread thread, Throwable failure) {
                Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
                if (handler != null) {
                    handler.uncaughtException(thread, failure);
                } else {
                    System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                    failure.printStackTrace(System.err);
                }
            }
        };
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread cell = new Thread(group, () -> {
            try {
                value[0] = snippet.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        waiting = Thread.currentThread();
        try {
            cell.start();
            joinUninterruptibly(cell);
        } finally {
            waiting = null;
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return value[0];
    }

    /** True for the engine's thread that waits while a cell's thread runs the snippet. */
    static boolean isWaiting(Thread thread) {
        return thread == waiting;
    }

    /**
     * A stop interrupts this thread along with the cell's; the cell's thread is what the stop ends, so wait on
     * for it, and its outcome (the stop's error) is the snippet's.
     */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
