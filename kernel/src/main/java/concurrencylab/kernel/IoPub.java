package concurrencylab.kernel;

import com.google.gson.JsonObject;
import concurrencylab.protocol.Message;
import concurrencylab.transport.Channel;
import concurrencylab.transport.Transport;

/** Publishes on iopub under a parent header. Safe from any thread. */
public final class IoPub {

    private final Transport transport;
    private final String session;

    public IoPub(Transport transport, String session) {
        this.transport = transport;
        this.session = session;
    }

    public void publish(String msgType, JsonObject parentHeader, JsonObject content) {
        transport.send(Channel.IOPUB, Message.broadcast(msgType, session, parentHeader, content));
    }

    /** {@code status} with {@code execution_state} busy, idle or starting. */
    public void status(String state, JsonObject parentHeader) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        publish("status", parentHeader, content);
    }
}
