package concurrencylab.spi;

import java.util.List;

/**
 * What a cell came to. {@code result} is the last expression's value (null when there is none);
 * {@code error} is set when the cell failed; an interrupted cell is an error named {@code Interrupted},
 * like IPython's KeyboardInterrupt.
 */
public record ExecuteOutcome(MimeBundle result, ErrorInfo error) {

    public static ExecuteOutcome ok(MimeBundle result) {
        return new ExecuteOutcome(result, null);
    }

    public static ExecuteOutcome failed(ErrorInfo error) {
        return new ExecuteOutcome(null, error);
    }

    public boolean succeeded() {
        return error == null;
    }

    /**
     * {@code ename}, {@code evalue} and {@code traceback} of an {@code error} message and reply, and where in
     * the cell the error is ({@code positions}: one per compile error; empty when the error has no place in
     * the cell's text), so code that reacts to an error never reads it back out of the traceback.
     */
    public record ErrorInfo(String ename, String evalue, List<String> traceback, List<Position> positions) {
        public ErrorInfo {
            traceback = List.copyOf(traceback);
            positions = positions == null ? List.of() : List.copyOf(positions);
        }

        /** An error with no position in the cell (an exception, an interrupt). */
        public ErrorInfo(String ename, String evalue, List<String> traceback) {
            this(ename, evalue, traceback, List.of());
        }

        /** A place in the cell: line and column, both 1-based, counted in the whole cell. */
        public record Position(int line, int column) {
        }
    }
}
