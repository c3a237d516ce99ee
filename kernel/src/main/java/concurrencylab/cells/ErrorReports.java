package concurrencylab.cells;

import concurrencylab.agent.wire.SnippetNames;
import concurrencylab.engine.SnippetFrames;
import concurrencylab.engine.SnippetOrigins;
import concurrencylab.spi.ExecuteOutcome.ErrorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/** Turns JShell's diagnostics and exceptions into Jupyter errors that point at cell lines. */
final class ErrorReports {

    private ErrorReports() {
    }

    /**
     * A compile error. {@code lineShift} is how many cell lines precede the code that was compiled
     * (non-zero when a magic passes on part of a cell).
     */
    static ErrorInfo compileError(CellText cell, int lineShift, Piece piece, List<Diag> diagnostics) {
        List<String> traceback = new ArrayList<>();
        List<ErrorInfo.Position> positions = new ArrayList<>();
        String first = null;
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            long position = diag.getStartPosition() != Diag.NOPOS ? diag.getStartPosition() : diag.getPosition();
            int offset = piece.offset() + (position == Diag.NOPOS ? 0 : (int) Math.min(position, piece.source().length()));
            int line = cell.lineOf(offset);
            int column = cell.columnOf(offset);
            String message = diag.getMessage(Locale.ROOT).lines().findFirst().orElse("error");
            if (first == null) {
                first = message;
            }
            positions.add(new ErrorInfo.Position(line + lineShift, column));
            traceback.add("cell line " + (line + lineShift) + ", column " + column + ": " + message);
            String sourceLine = cell.line(line);
            traceback.add("    " + sourceLine);
            traceback.add("    " + " ".repeat(Math.max(0, column - 1)) + "^");
        }
        if (first == null) {
            first = "the snippet was rejected";
            traceback.add(first);
        }
        return new ErrorInfo("CompilationError", first, traceback, positions);
    }

    /** A statement that uses something not (yet) declared. */
    static ErrorInfo unresolved(String what, List<String> names) {
        String message = what + " uses " + String.join(", ", names) + ", which " + (names.size() == 1 ? "is" : "are")
                + " not declared: declare " + (names.size() == 1 ? "it" : "them") + " first";
        return new ErrorInfo("CompilationError", message, List.of(message));
    }

    static ErrorInfo exception(JShellException exception, SnippetOrigins origins, int currentCell) {
        List<String> traceback = new ArrayList<>();
        String ename;
        String evalue;
        if (exception instanceof EvalException eval) {
            ename = SnippetNames.clean(eval.getExceptionClassName());
            evalue = eval.getMessage() == null ? "" : SnippetNames.clean(eval.getMessage());
        } else if (exception instanceof UnresolvedReferenceException unresolved) {
            ename = "UnresolvedReference";
            evalue = unresolved.getSnippet() + " cannot run: something it uses is not declared yet";
        } else {
            ename = exception.getClass().getName();
            evalue = String.valueOf(exception.getMessage());
        }
        appendTrace(traceback, exception, origins, currentCell, "");
        return new ErrorInfo(ename, evalue, traceback);
    }

    private static void appendTrace(List<String> traceback, JShellException exception, SnippetOrigins origins,
                                    int currentCell, String prefix) {
        String name = exception instanceof EvalException eval ? SnippetNames.clean(eval.getExceptionClassName())
                : "UnresolvedReference";
        String message = SnippetNames.clean(exception.getMessage());
        traceback.add(prefix + name + (message == null ? "" : ": " + message));
        String previous = null;
        int repeats = 0;
        for (StackTraceElement frame : exception.getStackTrace()) {
            String shown = frame(frame, origins, currentCell);
            if (shown == null) {
                continue;
            }
            String line = "    at " + shown;
            if (line.equals(previous)) {
                repeats++; // deep recursion: one line per distinct frame, then a count
                continue;
            }
            addRepeats(traceback, repeats);
            repeats = 0;
            traceback.add(line);
            previous = line;
        }
        addRepeats(traceback, repeats);
        if (exception.getCause() instanceof JShellException cause && cause != exception) {
            appendTrace(traceback, cause, origins, currentCell, "Caused by: ");
        }
    }

    private static void addRepeats(List<String> traceback, int repeats) {
        if (repeats > 0) {
            traceback.add("    ... the line above " + repeats + " more time" + (repeats == 1 ? "" : "s"));
        }
    }

    private static SnippetFrames frames(SnippetOrigins origins) {
        return new SnippetFrames(origins);
    }

    private static String frame(StackTraceElement frame, SnippetOrigins origins, int currentCell) {
        String file = frame.getFileName();
        String className = frame.getClassName();
        if (file != null && file.startsWith("#")) {
            if (origins.find(file.substring(1)) == null) {
                String method = frame.getMethodName().isEmpty() ? "" : frame.getMethodName() + " ";
                return method + "(snippet " + file + " line " + frame.getLineNumber() + ")";
            }
            return frames(origins).translated(className, frame.getMethodName(), file.substring(1), frame.getLineNumber(),
                    currentCell);
        }
        if (className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
                || className.startsWith("concurrencylab.agent.") || className.startsWith("jdk.jshell.")) {
            return null;
        }
        return frame.toString();
    }
}
