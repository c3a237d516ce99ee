package concurrencylab.assist;

import com.google.gson.JsonObject;
import concurrencylab.cells.CellSplitter;
import concurrencylab.cells.Piece;
import concurrencylab.spi.Completion;
import concurrencylab.spi.Inspection;
import concurrencylab.spi.IsComplete;
import concurrencylab.spi.MimeBundle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis;

/** Completion, documentation and completeness of Java code, from JShell's source analysis. */
public final class CodeAssist {

    private static final List<String> KEYWORDS = List.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "new", "package", "private",
            "protected", "public", "record", "return", "short", "static", "super", "switch", "synchronized",
            "this", "throw", "throws", "try", "var", "void", "volatile", "while", "yield", "sealed", "permits");

    private CodeAssist() {
    }

    public static Completion complete(SourceCodeAnalysis analysis, String code, int cursor) {
        Piece piece = pieceAt(analysis, code, cursor);
        int local = cursor - piece.offset();
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis.completionSuggestions(piece.source(), local, anchor);
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        int start = piece.offset() + anchor[0];
        int wordStart = identifierStart(code, cursor);
        if (suggestions.isEmpty()) {
            start = wordStart;
        }
        if (start == wordStart && cursor > wordStart && !precededByDot(code, wordStart)) {
            String prefix = code.substring(wordStart, cursor);
            matches.addAll(LocalNames.before(code, wordStart, prefix));
            KEYWORDS.stream().filter(k -> k.startsWith(prefix)).forEach(matches::add);
        }
        if (matches.isEmpty()) {
            return Completion.none(cursor);
        }
        return new Completion(new ArrayList<>(matches), start, cursor);
    }

    public static Inspection inspect(SourceCodeAnalysis analysis, String code, int cursor) {
        int end = identifierEnd(code, Math.min(cursor, code.length()));
        Piece piece = pieceAt(analysis, code, end);
        int local = end - piece.offset();
        String source = piece.source().substring(0, Math.min(local, piece.source().length()));
        List<Documentation> docs = analysis.documentation(source, source.length(), true);
        if (docs.isEmpty()) {
            // A method name: its documentation is offered at the opening parenthesis.
            docs = analysis.documentation(source + "(", source.length() + 1, true);
        }
        if (docs.isEmpty()) {
            return Inspection.notFound();
        }
        StringBuilder text = new StringBuilder();
        for (Documentation doc : docs) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append("\n\n").append(JavadocText.render(doc.javadoc()));
            }
        }
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text.toString());
        return new Inspection(true, new MimeBundle(data, new JsonObject()));
    }

    public static IsComplete isComplete(SourceCodeAnalysis analysis, String code) {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            switch (completeness) {
                case COMPLETE, COMPLETE_WITH_SEMI -> rest = info.remaining();
                case EMPTY -> {
                    return IsComplete.complete();
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return IsComplete.incomplete("    ".repeat(Math.max(0, openBraces(code))));
                }
                default -> {
                    return IsComplete.invalid();
                }
            }
        }
        return IsComplete.complete();
    }

    private static Piece pieceAt(SourceCodeAnalysis analysis, String code, int cursor) {
        List<Piece> pieces = CellSplitter.split(analysis, code.substring(0, cursor));
        if (pieces.isEmpty()) {
            return new Piece(code.substring(0, cursor), 0);
        }
        Piece last = pieces.get(pieces.size() - 1);
        // Completion looks at the text up to the cursor, so the last snippet there is the one being typed.
        return new Piece(code.substring(last.offset(), cursor), last.offset());
    }

    /** Without a compiler at hand: open brackets mean more lines are coming, anything else may run. */
    public static IsComplete isCompleteByBrackets(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            depth += c == '{' || c == '(' || c == '[' ? 1 : c == '}' || c == ')' || c == ']' ? -1 : 0;
        }
        return depth > 0 ? IsComplete.incomplete("    ".repeat(depth)) : IsComplete.unknown();
    }

    private static int openBraces(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
        }
        return Math.max(depth, 1);
    }

    static int identifierStart(String code, int cursor) {
        int i = Math.min(cursor, code.length());
        while (i > 0 && Character.isJavaIdentifierPart(code.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    static int identifierEnd(String code, int cursor) {
        int i = cursor;
        while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean precededByDot(String code, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i >= 0 && code.charAt(i) == '.';
    }
}
