package concurrencylab.kernel;

import com.google.gson.JsonObject;

/**
 * Comms: the kernel registers no comm targets, so {@code comm_info} lists none and a {@code comm_open}
 * is answered with {@code comm_close} (as ipykernel does for an unknown target).
 */
final class CommHandlers {

    private final IoPub iopub;

    CommHandlers(IoPub iopub) {
        this.iopub = iopub;
    }

    Reply info(Request request) {
        JsonObject content = new JsonObject();
        content.add("comms", new JsonObject());
        return Reply.of(content);
    }

    Reply open(Request request) {
        JsonObject close = new JsonObject();
        close.addProperty("comm_id", request.string("comm_id", ""));
        close.add("data", new JsonObject());
        iopub.publish("comm_close", request.message().header().toJson(), close);
        return Reply.none();
    }

    Reply ignore(Request request) {
        return Reply.none();
    }
}
