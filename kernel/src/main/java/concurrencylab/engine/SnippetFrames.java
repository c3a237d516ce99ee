package concurrencylab.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Stack frames of notebook code in the words of the notebook: {@code countPrimes (cell [4] line 6)} instead
 * of {@code REPL.$JShell$12.countPrimes($JShell$12.java:9)}. Frames come two ways: translated by JShell
 * (an exception that ends a snippet: file {@code #ID}, line within the snippet), or raw, as the runtime and
 * the worker JVMs print them (file {@code $JShell$ID.java}, line within JShell's wrapper class), which
 * {@link SourceCodeAnalysis#wrapper} maps back to the snippet's own lines.
 */
public final class SnippetFrames {

    /**
     * A frame of a snippet class, as {@link StackTraceElement#toString()} writes it: an optional class loader
     * and module prefix ({@code snippets//} in a worker), the class ({@code $ID}, then a nested class such as
     * {@code $Point}), the method, and (file:line).
     */
    private static final Pattern FRAME = Pattern.compile(
            "(?:[\\w.$-]*/){0,2}REPL\\.\\$JShell\\$(\\d+)(\\$[\\w$]+)?\\.([\\w$<>]+)\\(([^():]*)(?::(\\d+))?\\)");

    private final SnippetOrigins origins;
    private volatile JShell jshell;

    public SnippetFrames(SnippetOrigins origins) {
        this.origins = origins;
    }

    /** The JShell whose snippets the runtime now runs (a restart brings a new one). */
    void engineStarted(JShell started) {
        jshell = started;
    }

    /** Every snippet frame in {@code text} in cell terms; frames it cannot place stay as they are. */
    public String inText(String text, int currentCell) {
        if (!text.contains("REPL.$JShell$")) {
            return text;
        }
        Matcher frame = FRAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (frame.find()) {
            String id = frame.group(1);
            String file = frame.group(4);
            Integer snippetLine = frame.group(5) == null ? null
                    : file.startsWith("#") ? Integer.valueOf(frame.group(5)) : snippetLine(id, Integer.parseInt(frame.group(5)));
            String shown = snippetLine == null ? null : describe(id, name(frame.group(2), frame.group(3)), snippetLine, currentCell);
            frame.appendReplacement(out, Matcher.quoteReplacement(shown == null ? frame.group() : shown));
        }
        frame.appendTail(out);
        return out.toString();
    }

    /**
     * A frame JShell translated ({@code file} is {@code #ID}, {@code line} counts in the snippet), or null
     * when the snippet's origin is unknown.
     */
    public String translated(String className, String method, String snippetId, int line, int currentCell) {
        String nested = null;
        Matcher inner = Pattern.compile("\\$JShell\\$\\d+(\\$[\\w$]+)").matcher(className);
        if (inner.find()) {
            nested = inner.group(1);
        }
        return describe(snippetId, name(nested, method), line, currentCell);
    }

    private String describe(String snippetId, String name, int snippetLine, int currentCell) {
        SnippetOrigins.Origin origin = origins.findOrEvaluating(snippetId);
        if (origin == null) {
            return null;
        }
        int line = origin.firstLine() + snippetLine - 1;
        String cell = origin.executionCount() == currentCell ? "cell" : "cell [" + origin.executionCount() + "]";
        return (name.isEmpty() ? "" : name + " ") + "(" + cell + " line " + line + ")";
    }

    /**
     * What the user calls the code of a frame: {@code countPrimes}, {@code Point.norm}, {@code new Point},
     * {@code lambda in countPrimes}; empty for the cell's own statements (JShell's {@code do_it$}) and the
     * body of a cell magic (a {@code __task_N} method).
     */
    static String name(String nestedClass, String method) {
        String owner = nestedClass == null || nestedClass.isEmpty() ? "" : nestedClass.substring(1).replace('$', '.');
        if (method.startsWith("lambda$")) {
            String rest = method.substring("lambda$".length());
            int counter = rest.lastIndexOf('$');
            String enclosing = ownName(counter > 0 ? rest.substring(0, counter) : rest);
            return enclosing.isEmpty() && owner.isEmpty() ? "lambda" : "lambda in " + qualified(owner, enclosing);
        }
        if (method.equals("<init>")) {
            return owner.isEmpty() ? "" : "new " + owner;
        }
        if (method.equals("<clinit>")) {
            return owner.isEmpty() ? "" : owner + " (static initializer)";
        }
        String own = ownName(method);
        return own.isEmpty() ? owner : qualified(owner, own);
    }

    private static String ownName(String method) {
        return method.equals("do_it$") || method.startsWith("__task_") || method.equals("static") ? "" : method;
    }

    private static String qualified(String owner, String method) {
        return owner.isEmpty() ? method : method.isEmpty() ? owner : owner + "." + method;
    }

    /**
     * The snippet line of a line of its wrapper class, or null when JShell no longer knows the snippet. Mapped
     * character by character: a variable's initializer, for one, is wrapped apart from its declaration.
     */
    private Integer snippetLine(String id, int wrapperLine) {
        // Not cached: JShell compiles a snippet again (in a new wrapper) when what it uses changes.
        JShell shell = jshell;
        if (shell == null) {
            return null;
        }
        try {
            // JShell is not thread-safe: output may arrive while a cell compiles; a failed look-up leaves the frame raw.
            List<Snippet> snippets = shell.snippets().filter(s -> s.id().equals(id)).toList();
            if (snippets.isEmpty()) {
                return null;
            }
            Snippet snippet = snippets.get(0);
            SourceCodeAnalysis.SnippetWrapper wrapper = shell.sourceCodeAnalysis().wrapper(snippet);
            String source = snippet.source();
            String wrapped = wrapper.wrapped();
            int sourceLine = 1;
            for (int position = 0; position < source.length(); position++) {
                if (!Character.isWhitespace(source.charAt(position))
                        && lineOf(wrapped, wrapper.sourceToWrappedPosition(position)) == wrapperLine) {
                    return sourceLine;
                }
                if (source.charAt(position) == '\n') {
                    sourceLine++;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
