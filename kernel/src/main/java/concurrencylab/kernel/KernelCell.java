package concurrencylab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import concurrencylab.protocol.Message;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.MimeBundle;
import concurrencylab.spi.StdinNotAllowedException;
import concurrencylab.transport.Transport;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link CellContext} of one {@code execute_request}: publishes on iopub with that request's header
 * as parent, and asks for input on stdin with the request's routing identities.
 */
final class KernelCell implements CellContext {

    private final Message request;
    private final String session;
    private final IoPub iopub;
    private final Transport transport;
    private final int executionCount;
    private final boolean silent;
    private final boolean allowStdin;
    private final JsonArray payloads = new JsonArray();
    private final OutputBudget budget;
    private volatile boolean cancelled;

    KernelCell(Message request, String session, IoPub iopub, Transport transport,
               int executionCount, boolean silent, boolean allowStdin, OutputBudget budget) {
        this.budget = budget;
        this.request = request;
        this.session = session;
        this.iopub = iopub;
        this.transport = transport;
        this.executionCount = executionCount;
        this.silent = silent;
        this.allowStdin = allowStdin;
    }

    @Override
    public String cellId() {
        return request.header().msgId();
    }

    @Override
    public int executionCount() {
        return executionCount;
    }

    @Override
    public boolean silent() {
        return silent;
    }

    @Override
    public boolean allowStdin() {
        return allowStdin;
    }

    @Override
    public void stream(String name, String text) {
        String admitted = budget.admit(text);
        if (!admitted.isEmpty()) {
            publishStream(name, admitted);
        }
        if (budget.firstDrop()) {
            publishStream("stderr", budget.note());
        }
    }

    private void publishStream(String name, String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        iopub.publish("stream", parent(), content);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        JsonObject content = new JsonObject();
        content.add("data", bundle.data());
        content.add("metadata", bundle.metadata());
        JsonObject transientPart = new JsonObject();
        if (displayId != null) {
            transientPart.addProperty("display_id", displayId);
        }
        content.add("transient", transientPart);
        iopub.publish(update ? "update_display_data" : "display_data", parent(), content);
    }

    @Override
    public void clearOutput(boolean wait) {
        JsonObject content = new JsonObject();
        content.addProperty("wait", wait);
        iopub.publish("clear_output", parent(), content);
    }

    @Override
    public String readInput(String prompt, boolean password) throws StdinNotAllowedException, InterruptedException {
        if (!allowStdin) {
            throw new StdinNotAllowedException();
        }
        JsonObject content = new JsonObject();
        content.addProperty("prompt", prompt);
        content.addProperty("password", password);
        Message question = Message.inReplyTo(request, "input_request", session, content);
        Optional<Message> answer = transport.askStdin(question, Duration.ofDays(1), () -> cancelled);
        if (answer.isEmpty()) {
            throw new InterruptedException("interrupted while waiting for input");
        }
        JsonObject reply = answer.get().content();
        return reply.has("value") ? reply.get("value").getAsString() : "";
    }

    @Override
    public synchronized void addPayload(JsonObject payload) {
        payloads.add(payload);
    }

    synchronized JsonArray payloads() {
        return payloads.deepCopy();
    }

    @Override
    public boolean interruptRequested() {
        return cancelled;
    }

    /** Ends a wait for input: the cell is being interrupted. */
    void cancel() {
        cancelled = true;
    }

    private JsonObject parent() {
        return request.header().toJson();
    }
}
