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

    /** {@code ename}, {@code evalue} and {@code traceback} of an {@code error} message and reply. */
    public record ErrorInfo(String ename, String evalue, List<String> traceback) {
        public ErrorInfo {
            traceback = List.copyOf(traceback);
        }
    }
}
