package concurrencylab.harness.task;

/** A cell body compiled as a task: runs once per task and returns the task's result (may be null). */
@FunctionalInterface
public interface TaskCallable {
    Object call() throws Exception;
}
