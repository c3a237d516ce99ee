package concurrencylab.harness.task;

/**
 * Which stack frames are how a task was called rather than what it did: reflection, method handles, and the
 * task plumbing here. Each executor adds its own class (the worker's main loop, the local runner), so a failed
 * task's trace ends at the notebook's code ({@link concurrencylab.results.TaskFailure}).
 */
public final class TaskFrames {

    private static final String PLUMBING = TaskFrames.class.getPackageName() + ".";

    private TaskFrames() {
    }

    /** True for frames of reflection, method handles, this package, and {@code caller}. */
    public static boolean calling(String className, Class<?> caller) {
        return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
                || className.startsWith("java.lang.invoke.") || className.startsWith(PLUMBING)
                || className.equals(caller.getName());
    }
}
