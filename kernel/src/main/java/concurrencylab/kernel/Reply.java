package concurrencylab.kernel;

import com.google.gson.JsonObject;

/**
 * What a handler answers: the reply content ({@code status} is added as {@code ok} when missing),
 * and optionally something to do once the reply is on the wire (shutdown).
 */
public record Reply(JsonObject content, Runnable afterSend) {

    public static Reply of(JsonObject content) {
        return new Reply(content, () -> { });
    }

    /** No reply at all (for example {@code comm_msg}). */
    public static Reply none() {
        return new Reply(null, () -> { });
    }
}
