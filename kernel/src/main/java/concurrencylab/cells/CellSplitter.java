package concurrencylab.cells;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis;

/** Splits a cell into JShell snippets, remembering where each starts so errors point into the cell. */
public final class CellSplitter {

    private CellSplitter() {
    }

    public static List<Piece> split(SourceCodeAnalysis analysis, String code) {
        List<Piece> pieces = new ArrayList<>();
        String rest = code;
        int restOffset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (completeness != Completeness.COMPLETE && completeness != Completeness.COMPLETE_WITH_SEMI) {
                // Incomplete or unparsable: JShell's own compile error for the rest says what is wrong.
                int start = startOf(rest, rest.strip());
                pieces.add(new Piece(rest.substring(start), restOffset + start));
                break;
            }
            String source = info.source();
            int consumed = rest.length() - info.remaining().length();
            int start = startOf(rest.substring(0, consumed), source);
            int leading = source.length() - source.stripLeading().length();
            pieces.add(new Piece(source.substring(leading), restOffset + start + leading));
            rest = info.remaining();
            restOffset += consumed;
        }
        return pieces;
    }

    /** Where {@code source} (perhaps with a semicolon added, perhaps without leading comments) begins in {@code text}. */
    private static int startOf(String text, String source) {
        String head = source.strip();
        head = head.substring(0, Math.min(head.length(), 24));
        int index = head.isEmpty() ? -1 : text.indexOf(head);
        if (index >= 0) {
            // Positions JShell reports count from the start of the source, leading whitespace included.
            return Math.max(0, index - source.indexOf(head));
        }
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
