package concurrencylab.agent.wire;

import java.util.regex.Pattern;

/**
 * Names of notebook code in the notebook's words: JShell compiles each snippet into a wrapper class
 * ({@code REPL.$JShell$24}), and the JDK's messages name fields, methods and classes through it
 * ({@code Cannot invoke "String.length()" because "REPL.$JShell$24.s" is null}). Both the kernel (a cell's
 * error) and the runtime (a task's failure, in its own JVM or a worker's) show them as the user wrote them:
 * {@code "s"}, {@code Point}, {@code Point.x}.
 */
public final class SnippetNames {

    /**
     * A wrapper class, optionally with a class loader or module prefix ({@code snippets//} in a worker), followed
     * by a nested class ({@code $Point}) and/or a member ({@code .s}); the wrapper part is dropped.
     */
    private static final Pattern WRAPPER = Pattern.compile("(?:[\\w.$-]*/){0,2}REPL\\.\\$JShell\\$\\d+(?:\\$|\\.|\\b)");

    private SnippetNames() {
    }

    /** {@code text} with every JShell wrapper class name removed from the names it contains. */
    public static String clean(String text) {
        if (text == null || !text.contains("REPL.$JShell$")) {
            return text;
        }
        return WRAPPER.matcher(text).replaceAll("");
    }
}
