package concurrencylab.spi;

import com.google.gson.JsonObject;

/**
 * Where one cell's output goes: every method publishes on iopub with this cell's parent header.
 * Stays valid after the cell's reply, so threads the cell started still reach it. Thread-safe.
 */
public interface CellContext {

    /** The {@code msg_id} of the {@code execute_request}: the routing key for this cell's output. */
    String cellId();

    int executionCount();

    boolean silent();

    boolean allowStdin();

    /** {@code stream} message; {@code name} is {@code stdout} or {@code stderr}. */
    void stream(String name, String text);

    /** {@code display_data}, or {@code update_display_data} when {@code update}; {@code displayId} may be null. */
    void display(MimeBundle bundle, String displayId, boolean update);

    void clearOutput(boolean wait);

    /**
     * Asks the front end for a line of input ({@code input_request} on stdin) and blocks for the reply.
     *
     * @throws StdinNotAllowedException when the request said {@code allow_stdin: false}
     * @throws InterruptedException when the cell is interrupted while waiting
     */
    String readInput(String prompt, boolean password) throws StdinNotAllowedException, InterruptedException;

    /** A payload for the reply (for example the pager). */
    void addPayload(JsonObject payload);

    /**
     * True once an interrupt for this cell has arrived, even one that came before the interpreter
     * began running it (the front end may interrupt as soon as it sees {@code execute_input}).
     */
    default boolean interruptRequested() {
        return false;
    }
}
