package concurrencylab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import concurrencylab.protocol.Message;
import concurrencylab.spi.Interpreter;
import concurrencylab.transport.Channel;
import concurrencylab.transport.Transport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The protocol core: one dispatch table from message type to handler, busy/idle around every request,
 * replies stamped with {@code status}. Knows nothing about Java; the {@link Interpreter} does.
 */
public final class Kernel {

    private static final System.Logger LOG = System.getLogger(Kernel.class.getName());

    private final Transport transport;
    private final Interpreter interpreter;
    private final String session = UUID.randomUUID().toString();
    private final IoPub iopub;
    private final ExecuteHandler execute;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean restartRequested;

    public Kernel(Transport transport, Interpreter interpreter, History history, JsonObject ports) {
        this.transport = transport;
        this.interpreter = interpreter;
        this.iopub = new IoPub(transport, session);
        this.execute = new ExecuteHandler(interpreter, iopub, transport, history, session);
        CommHandlers comms = new CommHandlers(iopub);
        handlers.put("kernel_info_request", new KernelInfoHandler(interpreter, transport.authenticated()));
        handlers.put("execute_request", execute);
        handlers.put("complete_request", new CompleteHandler(interpreter));
        handlers.put("inspect_request", new InspectHandler(interpreter));
        handlers.put("is_complete_request", new IsCompleteHandler(interpreter));
        handlers.put("history_request", new HistoryHandler(history));
        handlers.put("connect_request", new ConnectHandler(ports));
        handlers.put("comm_info_request", comms::info);
        handlers.put("comm_open", comms::open);
        handlers.put("comm_msg", comms::ignore);
        handlers.put("comm_close", comms::ignore);
        handlers.put("interrupt_request", this::interrupt);
        handlers.put("shutdown_request", this::shutdown);
    }

    /** Starts the engine in the background and the transport's receiving threads; returns at once. */
    public void start() {
        interpreter.start();
        transport.start(this::dispatch);
        iopub.status("starting", new JsonObject());
    }

    /** Ends the kernel without a request (its front end is gone): the interpreter and its runtime stop too. */
    public void shutdownUnasked() {
        interpreter.shutdown(false);
        stopped.countDown();
    }

    /** Blocks until a {@code shutdown_request} has been answered. Returns whether a restart was asked for. */
    public boolean awaitShutdown() throws InterruptedException {
        stopped.await();
        return restartRequested;
    }

    void dispatch(Channel channel, Message message) {
        JsonObject parent = message.header().toJson();
        iopub.status("busy", parent);
        Reply reply = Reply.none();
        try {
            reply = answer(channel, message);
        } finally {
            iopub.status("idle", parent);
        }
        // Only now, with idle published, may a shutdown close the sockets.
        reply.afterSend().run();
    }

    /** Runs the handler and sends its reply. */
    private Reply answer(Channel channel, Message message) {
        Handler handler = handlers.get(message.type());
        if (handler == null) {
            // Unknown types are logged and ignored, as the protocol asks of kernels.
            LOG.log(System.Logger.Level.WARNING, "ignored unknown message type ''{0}'' on {1}", message.type(), channel.name().toLowerCase(java.util.Locale.ROOT));
            return Reply.none();
        }
        Reply reply;
        try {
            reply = handler.handle(new Request(channel, message));
        } catch (Exception | StackOverflowError e) {
            reply = Reply.of(internalError(e));
        }
        List<Message> abandoned = List.of();
        if (reply.content() != null) {
            JsonObject content = reply.content();
            if (!content.has("status")) {
                content.addProperty("status", "ok");
            }
            if (isError(reply) && channel == Channel.SHELL && message.type().equals("execute_request")
                    && new Request(channel, message).bool("stop_on_error", true)) {
                // Taken off the socket before the error reply leaves: only what was queued behind the failed
                // cell is aborted, never a request the client sends after seeing the error.
                abandoned = transport.drainQueuedShell();
            }
            transport.send(channel, Message.inReplyTo(message, message.type().replace("_request", "_reply"), session, content));
        }
        abortQueuedExecutions(abandoned);
        return reply;
    }

    private static boolean isError(Reply reply) {
        return reply.content() != null && "error".equals(reply.content().get("status").getAsString());
    }

    /** After a failed cell, requests already queued behind it are answered {@code aborted} instead of run. */
    private void abortQueuedExecutions(List<Message> abandoned) {
        for (Message queued : abandoned) {
            if (!queued.type().equals("execute_request")) {
                dispatch(Channel.SHELL, queued);
                continue;
            }
            JsonObject parent = queued.header().toJson();
            iopub.status("busy", parent);
            JsonObject content = new JsonObject();
            content.addProperty("status", "aborted");
            content.addProperty("execution_count", execute.executionCount());
            transport.send(Channel.SHELL, Message.inReplyTo(queued, "execute_reply", session, content));
            iopub.status("idle", parent);
        }
    }

    private Reply interrupt(Request request) {
        execute.interrupt();
        return Reply.of(new JsonObject());
    }

    private Reply shutdown(Request request) {
        boolean restart = request.bool("restart", false);
        JsonObject content = new JsonObject();
        content.addProperty("restart", restart);
        return new Reply(content, () -> {
            restartRequested = restart;
            interpreter.shutdown(restart);
            stopped.countDown();
        });
    }

    private static JsonObject internalError(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        LOG.log(System.Logger.Level.ERROR, "internal error: {0}", trace);
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", "KernelError");
        content.addProperty("evalue", "the kernel failed to answer (" + e + "); the kernel log has the details");
        JsonArray traceback = new JsonArray();
        traceback.add("KernelError: " + e);
        content.add("traceback", traceback);
        return content;
    }
}
