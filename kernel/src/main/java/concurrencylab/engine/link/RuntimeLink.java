package concurrencylab.engine.link;

import concurrencylab.agent.wire.Frames;
import concurrencylab.agent.wire.LinkHandshake;
import concurrencylab.agent.wire.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's end of the link to one runtime JVM, open only while that runtime connects: a Unix domain
 * socket in a fresh owner-only directory (no other user can even reach the socket file), and a per-launch
 * secret the runtime receives on its stdin and must send first on each connection. A connection that does
 * not present the secret within {@link #HANDSHAKE_MILLIS} is closed and logged, so neither a stranger nor
 * a silent peer can take the runtime's place or hold the kernel up. Once both connections are in, the
 * socket and its directory are deleted.
 */
public final class RuntimeLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RuntimeLink.class.getName());

    /** How long one accepted connection may take to send its handshake (the runtime sends it at once). */
    static final long HANDSHAKE_MILLIS = 5_000;

    /** The runtime's two connections, in blocking mode. */
    public record Connections(SocketChannel engine, SocketChannel events) {
    }

    private final Path directory;
    private final Path address;
    private final ServerSocketChannel server;
    private final byte[] secret = LinkHandshake.newSecret();
    private final long handshakeMillis;

    private RuntimeLink(Path directory, Path address, ServerSocketChannel server, long handshakeMillis) {
        this.directory = directory;
        this.address = address;
        this.server = server;
        this.handshakeMillis = handshakeMillis;
    }

    public static RuntimeLink open() throws IOException {
        return open(HANDSHAKE_MILLIS);
    }

    static RuntimeLink open(long handshakeMillis) throws IOException {
        Path directory = OwnerOnly.createDirectory("concurrency-lab-");
        Path address = directory.resolve("runtime.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(address), 16);
        } catch (IOException | RuntimeException e) {
            server.close();
            OwnerOnly.deleteTree(directory);
            throw new IOException("cannot open the runtime link at " + address + ": " + e.getMessage(), e);
        }
        return new RuntimeLink(directory, address, server, handshakeMillis);
    }

    /** The socket's path, the runtime's one argument: not a secret, only its owner can reach it. */
    public Path address() {
        return address;
    }

    /** Writes the secret to the runtime's stdin and closes it; the runtime reads it before connecting. */
    public void handSecretTo(OutputStream runtimeStdin) throws IOException {
        try (OutputStream stdin = runtimeStdin) {
            stdin.write((LinkHandshake.encode(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for the runtime's engine and event connections. Connections that
     * present a wrong secret, an unknown kind, a second connection of a kind, or nothing in time are closed.
     */
    public Connections accept(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        SocketChannel engine = null;
        SocketChannel events = null;
        List<SelectionKey> pending = new ArrayList<>();
        boolean done = false;
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (engine == null || events == null) {
                long now = System.nanoTime();
                expire(pending, now, handshakeMillis);
                long wait = deadline - now;
                for (SelectionKey key : pending) {
                    wait = Math.min(wait, ((Hello) key.attachment()).deadline - now);
                }
                if (deadline - now <= 0) {
                    throw new SocketTimeoutException("the runtime JVM did not connect within " + timeoutMillis / 1000 + " s");
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait) + 1));
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel accepted = server.accept();
                        if (accepted != null) {
                            accepted.configureBlocking(false);
                            pending.add(accepted.register(selector, SelectionKey.OP_READ,
                                    new Hello(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(handshakeMillis))));
                        }
                    } else if (key.isReadable()) {
                        SocketChannel channel = (SocketChannel) key.channel();
                        Hello hello = (Hello) key.attachment();
                        if (read(channel, hello.bytes) < 0) {
                            reject(key, pending, "closed before its handshake");
                        } else if (!hello.bytes.hasRemaining()) {
                            byte[] received = hello.bytes.array();
                            byte kind = LinkHandshake.kind(received);
                            if (!LinkHandshake.carries(received, secret)) {
                                reject(key, pending, "wrong secret");
                            } else if (kind == Frames.JSHELL_CONNECTION && engine == null) {
                                engine = keep(key, pending);
                            } else if (kind == Frames.EVENT_CONNECTION && events == null) {
                                events = keep(key, pending);
                            } else {
                                reject(key, pending, "unexpected connection kind " + kind);
                            }
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            done = true;
        } finally {
            for (SelectionKey key : pending) {
                closeQuietly((SocketChannel) key.channel());
            }
            if (!done) {
                closeQuietly(engine);
                closeQuietly(events);
            }
            close();
        }
        // The selector is closed, so the channels are deregistered and may block again.
        engine.configureBlocking(true);
        events.configureBlocking(true);
        return new Connections(engine, events);
    }

    private static int read(SocketChannel channel, ByteBuffer into) {
        try {
            return channel.read(into);
        } catch (IOException e) {
            return -1;
        }
    }

    private static SocketChannel keep(SelectionKey key, List<SelectionKey> pending) {
        pending.remove(key);
        key.cancel();
        return (SocketChannel) key.channel();
    }

    private static void reject(SelectionKey key, List<SelectionKey> pending, String why) {
        pending.remove(key);
        key.cancel();
        closeQuietly((SocketChannel) key.channel());
        LOG.log(System.Logger.Level.WARNING, "refused a connection to the runtime link: {0}", why);
    }

    private static void expire(List<SelectionKey> pending, long now, long handshakeMillis) {
        for (SelectionKey key : List.copyOf(pending)) {
            if (((Hello) key.attachment()).deadline - now <= 0) {
                reject(key, pending, "no handshake within " + handshakeMillis + " ms");
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Stops listening and removes the socket and its directory; connections already made stay open. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // deleted below all the same
        }
        OwnerOnly.deleteTree(directory);
    }

    private static final class Hello {
        final ByteBuffer bytes = ByteBuffer.allocate(LinkHandshake.HELLO_BYTES);
        final long deadline;

        Hello(long deadline) {
            this.deadline = deadline;
        }
    }
}
