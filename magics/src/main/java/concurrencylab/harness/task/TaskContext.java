package concurrencylab.harness.task;

/**
 * Who the current thread is working for: the task's index, the number of tasks and the worker's name.
 * Held in a {@link ThreadLocal} so plain threads, virtual threads and worker JVMs all see it the same way.
 */
public record TaskContext(int index, int count, String worker) {

    private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

    /** The context of the task the calling thread runs, or null outside a task. */
    public static TaskContext current() {
        return CURRENT.get();
    }

    /** Runs {@code body} with this context set on the calling thread, restoring whatever was there before. */
    public Object runWith(TaskCallable body) throws Exception {
        TaskContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
