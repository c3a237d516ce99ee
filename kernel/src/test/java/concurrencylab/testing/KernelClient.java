package concurrencylab.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencylab.protocol.Header;
import concurrencylab.protocol.Message;
import concurrencylab.protocol.ProtocolException;
import concurrencylab.protocol.Signer;
import concurrencylab.protocol.WireCodec;
import concurrencylab.transport.ConnectionInfo;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A minimal Jupyter client over real sockets, for integration tests: sends signed requests on
 * shell/control and collects what a request caused on iopub until its {@code idle}.
 */
public final class KernelClient implements AutoCloseable {

    /** Everything one request caused: the reply and the iopub messages under it, in order. */
    public record Exchange(Message reply, List<Message> iopub) {
        public List<Message> ofType(String type) {
            return iopub.stream().filter(m -> m.type().equals(type)).toList();
        }

        public String stdout() {
            return stream("stdout");
        }

        public String stderr() {
            return stream("stderr");
        }

        private String stream(String name) {
            StringBuilder text = new StringBuilder();
            for (Message m : ofType("stream")) {
                if (m.content().get("name").getAsString().equals(name)) {
                    text.append(m.content().get("text").getAsString());
                }
            }
            return text.toString();
        }
    }

    private final ConnectionInfo info;
    private final WireCodec codec;
    private final ZContext context = new ZContext();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final String session = UUID.randomUUID().toString();
    private final List<Message> allIopub = new ArrayList<>();

    public KernelClient(ConnectionInfo info) {
        this.info = info;
        this.codec = new WireCodec(Signer.create(info.signatureScheme(), info.key()));
        this.shell = connect(SocketType.DEALER, info.shellPort());
        this.control = connect(SocketType.DEALER, info.controlPort());
        this.iopub = connect(SocketType.SUB, info.iopubPort());
        iopub.subscribe(new byte[0]);
    }

    /** A connection file with free loopback ports and a random key, written to {@code dir}. */
    public static Path writeConnectionFile(Path dir) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("transport", "tcp");
        json.addProperty("ip", "127.0.0.1");
        for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                json.addProperty(port, socket.getLocalPort());
            }
        }
        json.addProperty("signature_scheme", "hmac-sha256");
        json.addProperty("key", UUID.randomUUID().toString());
        Path file = dir.resolve("connection-" + UUID.randomUUID() + ".json");
        Files.writeString(file, json.toString());
        return file;
    }

    private ZMQ.Socket connect(SocketType type, int port) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        socket.connect(info.endpoint(port));
        return socket;
    }

    /** Sends {@code kernel_info_request} until one is answered: the kernel is up and iopub is subscribed. */
    public Message awaitReady(Duration timeout) throws ProtocolException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Exchange exchange = request(shell, "kernel_info_request", new JsonObject(), Duration.ofSeconds(2));
            if (exchange != null && !exchange.iopub().isEmpty()) {
                return exchange.reply();
            }
        }
        throw new AssertionError("kernel did not answer kernel_info within " + timeout);
    }

    public Exchange execute(String code) throws ProtocolException {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return shell("execute_request", content);
    }

    public Exchange shell(String type, JsonObject content) throws ProtocolException {
        Exchange exchange = request(shell, type, content, Duration.ofSeconds(60));
        if (exchange == null) {
            throw new AssertionError("no reply to " + type);
        }
        return exchange;
    }

    public Exchange control(String type, String json) throws ProtocolException {
        Exchange exchange = request(control, type, JsonParser.parseString(json).getAsJsonObject(), Duration.ofSeconds(30));
        if (exchange == null) {
            throw new AssertionError("no reply to " + type);
        }
        return exchange;
    }

    /** Sends a request without waiting, returning its header (to match a later reply). */
    public Header sendShell(String type, JsonObject content) {
        Message request = new Message(List.of(), Header.create(type, session), new JsonObject(), new JsonObject(), content, List.of());
        send(shell, codec.encode(request));
        return request.header();
    }

    private Exchange request(ZMQ.Socket socket, String type, JsonObject content, Duration timeout) throws ProtocolException {
        Message request = new Message(List.of(), Header.create(type, session), new JsonObject(), new JsonObject(), content, List.of());
        send(socket, codec.encode(request));
        return collect(socket, request.header().msgId(), timeout);
    }

    /** Waits for the reply to {@code msgId} and for its {@code idle}, gathering iopub messages under it. */
    public Exchange collect(ZMQ.Socket socket, String msgId, Duration timeout) throws ProtocolException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Message reply = null;
        boolean idle = false;
        List<Message> published = new ArrayList<>();
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(socket, ZMQ.Poller.POLLIN);
        poller.register(iopub, ZMQ.Poller.POLLIN);
        try {
            while ((reply == null || !idle) && System.nanoTime() < deadline) {
                poller.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (poller.pollin(0)) {
                    Message m = receive(socket);
                    if (parentId(m).equals(msgId)) {
                        reply = m;
                    }
                }
                if (poller.pollin(1)) {
                    Message m = receive(iopub);
                    allIopub.add(m);
                    if (parentId(m).equals(msgId)) {
                        published.add(m);
                        idle |= m.type().equals("status") && m.content().get("execution_state").getAsString().equals("idle");
                    }
                }
            }
        } finally {
            poller.close();
        }
        return reply == null ? null : new Exchange(reply, published);
    }

    /** Waits until an iopub message matching {@code wanted} has been seen (also earlier ones count). */
    public Message awaitIopub(java.util.function.Predicate<Message> wanted, Duration timeout) throws ProtocolException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Message m : allIopub) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            iopub.setReceiveTimeOut((int) Math.max(1, left));
            ZMsg msg = ZMsg.recvMsg(iopub);
            if (msg != null) {
                List<byte[]> frames = new ArrayList<>();
                msg.forEach(f -> frames.add(f.getData()));
                allIopub.add(codec.decode(frames));
            }
        }
    }

    public static String parentOf(Message m) {
        return parentId(m);
    }

    public ZMQ.Socket shellSocket() {
        return shell;
    }

    private Message receive(ZMQ.Socket socket) throws ProtocolException {
        ZMsg msg = ZMsg.recvMsg(socket);
        List<byte[]> frames = new ArrayList<>();
        for (ZFrame frame : msg) {
            frames.add(frame.getData());
        }
        return codec.decode(frames);
    }

    private static String parentId(Message m) {
        return m.parentHeader().has("msg_id") ? m.parentHeader().get("msg_id").getAsString() : "";
    }

    private static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
