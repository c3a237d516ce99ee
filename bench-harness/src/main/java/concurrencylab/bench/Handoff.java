package concurrencylab.bench;

import concurrencylab.harness.task.TaskCallable;

/**
 * Where the bench's notebook leaves a task body and a value for this JVM's code to use: the benchmark then runs
 * and changes them without evaluating a snippet per run, so a run measures the state that crosses and not the
 * notebook's classes (a new snippet makes every worker load the notebook's classes again).
 */
public final class Handoff {

    public static volatile TaskCallable body;
    public static volatile byte[] state;

    private Handoff() {
    }
}
