package concurrencylab.cells;

import concurrencylab.spi.ExecuteOutcome;
import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A cell body made into a task method {@code Object NAME() throws Exception}, in one of two forms:
 * returning its last expression, or running the body as written and returning null when it completes.
 * The method's header takes one line and the body's lines stay where they were, so errors point at
 * the user's lines and name only code the user wrote.
 *
 * @param returningLast the body with {@code return (LAST);} for its last expression; null when the last
 *                      piece cannot be an expression
 * @param asWritten     the body as written (a missing semicolon after its last statement added)
 * @param lastLine      the body line (1-based) where the last piece starts
 */
public record TaskBody(String returningLast, String asWritten, int lastLine) {

    public static TaskBody of(SourceCodeAnalysis analysis, String body) {
        List<Piece> pieces = CellSplitter.split(analysis, body);
        if (pieces.isEmpty()) {
            return new TaskBody(null, body, 0);
        }
        Piece last = pieces.get(pieces.size() - 1);
        String before = body.substring(0, last.offset());
        // without comments around it: a trailing "// ..." would swallow the ";" or ")" added below
        String lastSource = JavaComments.stripTrailing(last.source()).strip();
        String asStatement = lastSource.endsWith(";") || lastSource.endsWith("}") ? lastSource : lastSource + ";";
        String asWritten = before + asStatement;
        int lastLine = new CellText(body).lineOf(last.offset());
        if (!mayBeExpression(analysis, lastSource)) {
            return new TaskBody(null, asWritten, lastLine);
        }
        String expression = lastSource.endsWith(";") ? lastSource.substring(0, lastSource.length() - 1) : lastSource;
        return new TaskBody(before + "return (" + expression + ");", asWritten, lastLine);
    }

    /** The method returning the last expression; only when {@link #returningLast} is not null. */
    public String returningLastMethod(String name) {
        return header(name) + "\n" + returningLast + "\n}";
    }

    /**
     * The method running the body as written. The body sits in {@code if (true) { ... }}: an if statement can
     * complete normally whatever its condition (JLS 14.22), so the {@code return null} after it is reachable
     * even when the body never completes normally (an endless loop, a final {@code throw}), and compiles.
     */
    public String asWrittenMethod(String name) {
        return header(name) + " if (true) {\n" + asWritten + "\n} return null; }";
    }

    private static String header(String name) {
        return "Object " + name + "() throws Exception {";
    }

    /** Expressions, and code JShell cannot judge alone (it may use the body's own locals) that does not end like a statement. */
    private static boolean mayBeExpression(SourceCodeAnalysis analysis, String source) {
        List<Snippet> snippets = analysis.sourceToSnippets(source);
        if (snippets.size() != 1) {
            return false;
        }
        Snippet snippet = snippets.get(0);
        return switch (snippet.kind()) {
            case EXPRESSION -> true;
            case VAR -> snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            case ERRONEOUS -> !source.endsWith(";") && !source.endsWith("}");
            default -> false;
        };
    }

    /**
     * True when every compile error of the returning form is on the last piece's line: then the as-written form
     * is worth a try. {@code lineShift} is how the method's lines map to cell lines (cell line = method line +
     * shift; body line L is method line L + 1).
     */
    public boolean onlyLastLineFailed(ExecuteOutcome outcome, int lineShift) {
        int cellLine = lastLine + 1 + lineShift;
        return outcome.error().positions().stream().allMatch(position -> position.line() == cellLine);
    }
}
