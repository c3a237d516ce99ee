package concurrencylab.agent.wire;

/**
 * Names both sides of the JShell engine stream agree on.
 *
 * <p>Each invoke carries, after the method name, its sequence number, and on the first invoke of a
 * cell also the cell's sequence number and id: {@code do_it$/7} or {@code do_it$/7/3/<cell id>}. So the
 * runtime learns which cell runs without a round trip of its own; once the snippet has ended and its
 * output is sent, it answers the invoke's number on the side channel ({@link Frames#SNIPPET_DONE}).
 */
public final class RuntimeProtocol {

    private static final char SEPARATOR = '/';

    private RuntimeProtocol() {
    }

    /** What an invoke carries: the method to run, its sequence number, and the cell it begins (or -1 and null). */
    public record Invocation(String method, long invoke, long cell, String cellId) {

        /** The method name to send for this invocation. */
        public String encode() {
            String numbered = method + SEPARATOR + invoke;
            return cellId == null ? numbered : numbered + SEPARATOR + cell + SEPARATOR + cellId;
        }

        /** Reads a method name as sent; a plain one (no sequence number) gives invoke -1. */
        public static Invocation decode(String sent) {
            int first = sent.indexOf(SEPARATOR);
            if (first < 0) {
                return new Invocation(sent, -1, -1, null);
            }
            String method = sent.substring(0, first);
            int second = sent.indexOf(SEPARATOR, first + 1);
            if (second < 0) {
                return new Invocation(method, Long.parseLong(sent.substring(first + 1)), -1, null);
            }
            int third = sent.indexOf(SEPARATOR, second + 1);
            return new Invocation(method, Long.parseLong(sent.substring(first + 1, second)),
                    Long.parseLong(sent.substring(second + 1, third)), sent.substring(third + 1));
        }
    }
}
