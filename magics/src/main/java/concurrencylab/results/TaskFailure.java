package concurrencylab.results;

import concurrencylab.agent.wire.SnippetNames;
import java.io.Serializable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Why a task has no result: the exception's type and message, and its stack trace as text, in the notebook's
 * terms. The trace keeps the frames of the task's own code (the notebook's, and the JDK's it called) and ends
 * where the harness called the task: the worker's main loop, reflection and the executors are not the
 * user's code. Names of JShell's wrapper classes leave the type and message ({@link SnippetNames}); the frames
 * stay as the JVM wrote them, for the kernel to turn into cell lines.
 */
public record TaskFailure(String type, String message, String trace) implements Serializable {

    private static final int MAX_CAUSES = 8;

    /** A failure whose trace keeps every frame but reflection's. */
    public static TaskFailure of(Throwable error) {
        return of(error, className -> className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect."));
    }

    /**
     * A failure whose trace ends above the first frame of a class {@code harness} accepts: the code that called
     * the task (the executor's, the worker's main loop, reflection), which says nothing about the task's code.
     */
    public static TaskFailure of(Throwable error, Predicate<String> harness) {
        StringBuilder trace = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        for (Throwable t = error; t != null && seen.add(t) && seen.size() <= MAX_CAUSES; t = t.getCause()) {
            trace.append(prefix).append(headline(t)).append('\n');
            for (StackTraceElement frame : taskFrames(t.getStackTrace(), harness)) {
                trace.append("\tat ").append(frame).append('\n');
            }
            prefix = "Caused by: ";
        }
        return new TaskFailure(SnippetNames.clean(error.getClass().getName()), SnippetNames.clean(String.valueOf(error.getMessage())),
                trace.toString());
    }

    private static String headline(Throwable t) {
        String type = SnippetNames.clean(t.getClass().getName());
        return t.getMessage() == null ? type : type + ": " + SnippetNames.clean(t.getMessage());
    }

    /**
     * The frames above the first frame of the harness, less the generated lambda that handed the task method to
     * the harness in this JVM ({@code () -> __task_3()}, a {@code lambda$do_it$} of a snippet class).
     */
    private static StackTraceElement[] taskFrames(StackTraceElement[] frames, Predicate<String> harness) {
        int end = 0;
        while (end < frames.length && !harness.test(frames[end].getClassName())) {
            end++;
        }
        while (end > 0 && frames[end - 1].getClassName().startsWith("REPL.$JShell$")
                && frames[end - 1].getMethodName().startsWith("lambda$do_it$")) {
            end--;
        }
        StackTraceElement[] kept = new StackTraceElement[end];
        System.arraycopy(frames, 0, kept, 0, end);
        return kept;
    }

    /** One line: {@code java.lang.ArithmeticException: / by zero}. */
    public String describe() {
        return message == null || message.isEmpty() || message.equals("null") ? type : type + ": " + message;
    }
}
