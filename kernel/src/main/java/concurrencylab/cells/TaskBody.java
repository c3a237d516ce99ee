package concurrencylab.cells;

import concurrencylab.spi.ExecuteOutcome;
import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A cell body made into a method body: either returning its last expression, or running all of it
 * and returning null. Lines stay where they were, so errors still point at the user's lines.
 */
public record TaskBody(String returningLast, String returningNull, int lastLine) {

    public static TaskBody of(SourceCodeAnalysis analysis, String body) {
        List<Piece> pieces = CellSplitter.split(analysis, body);
        if (pieces.isEmpty()) {
            return new TaskBody(null, body + "\nreturn null;", 0);
        }
        Piece last = pieces.get(pieces.size() - 1);
        String before = body.substring(0, last.offset());
        String lastSource = last.source().strip();
        String asStatement = lastSource.endsWith(";") || lastSource.endsWith("}") ? lastSource : lastSource + ";";
        String returningNull = before + asStatement + "\nreturn null;";
        int lastLine = new CellText(body).lineOf(last.offset());
        if (!mayBeExpression(analysis, lastSource)) {
            return new TaskBody(null, returningNull, lastLine);
        }
        String expression = lastSource.endsWith(";") ? lastSource.substring(0, lastSource.length() - 1) : lastSource;
        return new TaskBody(before + "return (" + expression + ");", returningNull, lastLine);
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

    /** True when every error of the returning form is on the last line: then the statement form is worth a try. */
    public boolean onlyLastLineFailed(ExecuteOutcome outcome, int lineShift) {
        String prefix = "cell line " + (lastLine + 1 + lineShift) + ",";
        return outcome.error().traceback().stream()
                .filter(line -> line.startsWith("cell line "))
                .allMatch(line -> line.startsWith(prefix));
    }
}
