package concurrencylab.transport;

import concurrencylab.protocol.Message;
import concurrencylab.protocol.ProtocolException;
import concurrencylab.protocol.WireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.zeromq.SocketType;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

/**
 * The kernel's five JeroMQ sockets, bound on the connection file's ip only. Shell and control each
 * get a thread that blocks in {@code recv} (no polling), heartbeat a thread that echoes. Replies on
 * shell and control are sent from their own threads; iopub and stdin may be used from any thread.
 * Every socket bounds the frames it accepts (a peer that announces more is dropped before anything is
 * buffered), and {@link PeerWatch} logs peers that are dropped or fail their handshake.
 */
public final class ZmqTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(ZmqTransport.class.getName());
    /**
     * Heartbeat pings are echoed bytes (jupyter_client sends {@code b"ping"}) and iopub only receives
     * subscriptions (front ends subscribe to everything, an empty topic): a few bytes each, 64 KiB with room.
     */
    public static final long MAX_SMALL_MESSAGE_BYTES = 64 << 10;

    private final ZMQ.Context context = ZMQ.context(1);
    private final PeerWatch peers = new PeerWatch(context);
    private final WireCodec codec;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket heartbeat;
    private final List<Thread> threads = new ArrayList<>();
    /** Sockets bound so far: a failed bind closes them all, so a retry with other ports starts clean. */
    private final List<ZMQ.Socket> bound = new ArrayList<>();
    private final Object stdinLock = new Object();
    private volatile boolean closed;

    public ZmqTransport(ConnectionInfo info, WireCodec codec) {
        this.codec = codec;
        // A frame over the limit makes the socket drop that peer's connection before buffering it (the
        // client reconnects); a 100 MB message never reaches the heap.
        this.shell = bind(SocketType.ROUTER, info, info.shellPort(), WireCodec.MAX_MESSAGE_BYTES);
        this.control = bind(SocketType.ROUTER, info, info.controlPort(), WireCodec.MAX_MESSAGE_BYTES);
        this.stdin = bind(SocketType.ROUTER, info, info.stdinPort(), WireCodec.MAX_MESSAGE_BYTES);
        this.iopub = bind(SocketType.PUB, info, info.iopubPort(), MAX_SMALL_MESSAGE_BYTES);
        // A PUB socket silently drops what exceeds its high-water mark (1,000 messages by default): a burst
        // of display updates from worker threads would lose some. The per-cell output budget bounds the rest.
        iopub.setSndHWM(100_000);
        this.heartbeat = bind(SocketType.REP, info, info.hbPort(), MAX_SMALL_MESSAGE_BYTES);
        peers.watch(shell, "shell", WireCodec.MAX_MESSAGE_BYTES);
        peers.watch(control, "control", WireCodec.MAX_MESSAGE_BYTES);
        peers.watch(stdin, "stdin", WireCodec.MAX_MESSAGE_BYTES);
        peers.watch(iopub, "iopub", MAX_SMALL_MESSAGE_BYTES);
        peers.watch(heartbeat, "heartbeat", MAX_SMALL_MESSAGE_BYTES);
    }

    /** Whether messages are signed: false when the connection file's key is empty. */
    @Override
    public boolean authenticated() {
        return codec.authenticated();
    }

    private ZMQ.Socket bind(SocketType type, ConnectionInfo info, int port, long maxMessageBytes) {
        ZMQ.Socket socket = context.socket(type);
        // Long enough for the last reply and idle to leave at shutdown, short enough not to delay it.
        socket.setLinger(100);
        // Set before binding, so no peer is ever accepted without it.
        socket.setMaxMsgSize(maxMessageBytes);
        try {
            socket.bind(info.endpoint(port));
        } catch (ZMQException e) {
            socket.close();
            bound.forEach(ZMQ.Socket::close);
            context.term();
            throw new IllegalStateException("cannot listen on " + info.endpoint(port) + ": " + e.getMessage()
                    + " (is another kernel using this connection file?)", e);
        }
        bound.add(socket);
        return socket;
    }

    @Override
    public void start(RequestHandler handler) {
        peers.start("jupyter-peers");
        threads.add(daemon("heartbeat", this::echoHeartbeats));
        threads.add(daemon("control", () -> receive(control, Channel.CONTROL, handler)));
        threads.add(daemon("shell", () -> receive(shell, Channel.SHELL, handler)));
    }

    private Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, "jupyter-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void echoHeartbeats() {
        try {
            while (!closed) {
                try {
                    byte[] ping = heartbeat.recv(0);
                    if (ping != null) {
                        heartbeat.send(ping, 0);
                    }
                } catch (ZMQException e) {
                    if (terminating(e)) {
                        return;
                    }
                    // A front end that misses heartbeats restarts the kernel: keep echoing whatever happened.
                    LOG.log(System.Logger.Level.WARNING, "heartbeat: {0}", e.getMessage());
                }
            }
        } catch (IllegalStateException e) {
            // the context is terminating: the kernel is shutting down
        } finally {
            heartbeat.close();
        }
    }

    private boolean terminating(ZMQException e) {
        return closed || e.getErrorCode() == ZMQ.Error.ETERM.getCode();
    }

    private void receive(ZMQ.Socket socket, Channel channel, RequestHandler handler) {
        try {
            while (!closed) {
                ZMsg frames;
                try {
                    frames = ZMsg.recvMsg(socket, true);
                } catch (ZMQException e) {
                    if (terminating(e)) {
                        return;
                    }
                    LOG.log(System.Logger.Level.WARNING, "{0} receive failed, still listening: {1}", channel, e.getMessage());
                    continue;
                }
                if (frames == null) {
                    continue;
                }
                decode(frames, channel).ifPresent(message -> handler.handle(channel, message));
            }
        } catch (ZMQException | IllegalStateException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.ERROR, "{0} socket failed: {1}", channel, e.getMessage());
            }
        } finally {
            // A socket is closed by the thread that uses it: JeroMQ sockets are not thread-safe.
            socket.close();
        }
    }

    private Optional<Message> decode(ZMsg frames, Channel channel) {
        List<byte[]> parts = new ArrayList<>(frames.size());
        for (ZFrame frame : frames) {
            parts.add(frame.getData());
        }
        try {
            return Optional.of(codec.decode(parts));
        } catch (ProtocolException e) {
            // A message we cannot trust is never executed; the log says why it was dropped.
            LOG.log(System.Logger.Level.WARNING, "dropped a message on {0}: {1}", channel.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void send(Channel channel, Message message) {
        List<byte[]> frames = codec.encode(message);
        switch (channel) {
            case SHELL -> sendFrames(shell, frames);
            case CONTROL -> sendFrames(control, frames);
            case IOPUB -> {
                synchronized (iopub) {
                    sendFrames(iopub, frames);
                }
            }
            case STDIN -> {
                synchronized (stdinLock) {
                    sendFrames(stdin, frames);
                }
            }
        }
    }

    private void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        if (closed) {
            return;
        }
        try {
            for (int i = 0; i < frames.size(); i++) {
                socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            }
        } catch (ZMQException | IllegalStateException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "send failed: {0}", e.getMessage());
            }
        }
    }

    @Override
    public Optional<Message> askStdin(Message request, Duration timeout, BooleanSupplier cancelled) {
        synchronized (stdinLock) {
            sendFrames(stdin, codec.encode(request));
            long deadline = System.nanoTime() + timeout.toNanos();
            ZMQ.Poller poller = context.poller(1);
            try {
                poller.register(stdin, ZMQ.Poller.POLLIN);
                while (!closed && !cancelled.getAsBoolean() && System.nanoTime() < deadline) {
                    // Wakes at least every 100 ms so an interrupt can end the wait; a reply wakes it at once.
                    if (poller.poll(100) > 0) {
                        Optional<Message> reply = decode(ZMsg.recvMsg(stdin), Channel.STDIN);
                        if (reply.isPresent() && isReplyTo(reply.get(), request)) {
                            return reply;
                        }
                    }
                }
                return Optional.empty();
            } finally {
                poller.close();
            }
        }
    }

    /**
     * An input_reply answers the question unless its parent names another one: jupyter_client's
     * {@code input()} sends no parent header at all (ipykernel takes the next reply as the answer too).
     */
    private static boolean isReplyTo(Message reply, Message request) {
        if (!reply.type().equals("input_reply")) {
            return false;
        }
        return !reply.parentHeader().has("msg_id")
                || request.header().msgId().equals(reply.parentHeader().get("msg_id").getAsString());
    }

    @Override
    public List<Message> drainQueuedShell() {
        List<Message> queued = new ArrayList<>();
        while (!closed) {
            ZMsg frames = ZMsg.recvMsg(shell, ZMQ.DONTWAIT);
            if (frames == null) {
                break;
            }
            decode(frames, Channel.SHELL).ifPresent(queued::add);
        }
        return queued;
    }

    /**
     * Stops the sockets. Terminating the context wakes the threads blocked in {@code recv}; each closes
     * its own socket. A shell thread still busy with a request cannot, so the wait is bounded.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (iopub) {
            iopub.close();
        }
        synchronized (stdinLock) {
            stdin.close();
        }
        Thread terminator = new Thread(context::term, "jupyter-terminate");
        terminator.setDaemon(true);
        terminator.start();
        try {
            terminator.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
