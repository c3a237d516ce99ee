package concurrencylab.engine.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.agent.wire.Frames;
import concurrencylab.agent.wire.LinkHandshake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kernel's end of the runtime link: who may connect, how long it waits, what it deserializes. */
class RuntimeLinkTest {

    private static byte[] secretOf(RuntimeLink link) throws IOException {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        link.handSecretTo(stdin);
        return LinkHandshake.decode(stdin.toString(StandardCharsets.US_ASCII));
    }

    private static SocketChannel connect(Path address) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(address));
        return channel;
    }

    private static SocketChannel connect(Path address, byte[] hello) throws IOException {
        SocketChannel channel = connect(address);
        channel.write(ByteBuffer.wrap(hello));
        return channel;
    }

    /** True when the kernel closed the connection (a read sees the end) within two seconds. */
    private static boolean closedByKernel(SocketChannel channel) throws Exception {
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                ended.complete(channel.read(ByteBuffer.allocate(1)) < 0);
            } catch (IOException e) {
                ended.complete(true);
            }
        });
        return ended.get(2, TimeUnit.SECONDS);
    }

    @Test
    void theSocketLivesInAnOwnerOnlyDirectoryThatIsGoneOnceTheRuntimeIsIn() throws Exception {
        RuntimeLink link = RuntimeLink.open();
        Path directory = link.address().getParent();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertTrue(link.address().toString().length() < 100, "fits a sockaddr_un: " + link.address());
        byte[] secret = secretOf(link);
        try (SocketChannel engine = connect(link.address(), LinkHandshake.hello(secret, Frames.JSHELL_CONNECTION));
             SocketChannel events = connect(link.address(), LinkHandshake.hello(secret, Frames.EVENT_CONNECTION))) {
            RuntimeLink.Connections connections = link.accept(5_000);
            assertFalse(Files.exists(directory), "the socket and its directory are removed");
            connections.engine().write(ByteBuffer.wrap(new byte[] {42}));
            ByteBuffer received = ByteBuffer.allocate(1);
            engine.read(received);
            assertEquals(42, received.get(0), "the accepted connection is the runtime's");
            connections.engine().close();
            connections.events().close();
        }
    }

    @Test
    void strangersAreRefusedAndTheRuntimeStillGetsIn() throws Exception {
        RuntimeLink link = RuntimeLink.open();
        byte[] secret = secretOf(link);
        byte[] wrong = LinkHandshake.newSecret();
        CompletableFuture<RuntimeLink.Connections> accepted = acceptInBackground(link, 10_000);
        try (SocketChannel silent = connect(link.address());
             SocketChannel wrongSecret = connect(link.address(), LinkHandshake.hello(wrong, Frames.JSHELL_CONNECTION));
             SocketChannel oldProtocol = connect(link.address(), new byte[] {Frames.JSHELL_CONNECTION});
             SocketChannel unknownKind = connect(link.address(), LinkHandshake.hello(secret, (byte) 'X'))) {
            assertTrue(closedByKernel(wrongSecret), "a wrong secret is refused");
            assertTrue(closedByKernel(unknownKind), "an unknown kind is refused");
            long start = System.nanoTime();
            try (SocketChannel engine = connect(link.address(), LinkHandshake.hello(secret, Frames.JSHELL_CONNECTION));
                 SocketChannel events = connect(link.address(), LinkHandshake.hello(secret, Frames.EVENT_CONNECTION))) {
                RuntimeLink.Connections connections = accepted.get(RuntimeLink.HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < RuntimeLink.HANDSHAKE_MILLIS, "silent peers do not hold the runtime up: " + millis + " ms");
                assertTrue(closedByKernel(silent), "a peer still silent when the runtime is in is dropped");
                assertTrue(closedByKernel(oldProtocol), "a lone kind byte is not a handshake");
                connections.engine().close();
                connections.events().close();
            }
        }
    }

    private static CompletableFuture<RuntimeLink.Connections> acceptInBackground(RuntimeLink link, long timeoutMillis) {
        CompletableFuture<RuntimeLink.Connections> accepted = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                accepted.complete(link.accept(timeoutMillis));
            } catch (Throwable e) {
                accepted.completeExceptionally(e);
            }
        });
        return accepted;
    }

    @Test
    void aSilentPeerIsDroppedAfterTheHandshakeTimeout() throws Exception {
        RuntimeLink link = RuntimeLink.open(300);
        byte[] secret = secretOf(link);
        try (SocketChannel silent = connect(link.address())) {
            CompletableFuture<RuntimeLink.Connections> accepted = acceptInBackground(link, 10_000);
            assertTrue(closedByKernel(silent), "dropped after 300 ms without a handshake");
            try (SocketChannel engine = connect(link.address(), LinkHandshake.hello(secret, Frames.JSHELL_CONNECTION));
                 SocketChannel events = connect(link.address(), LinkHandshake.hello(secret, Frames.EVENT_CONNECTION))) {
                RuntimeLink.Connections connections = accepted.get(5, TimeUnit.SECONDS);
                connections.engine().close();
                connections.events().close();
            }
        }
    }

    @Test
    void withoutTheRuntimeTheWaitEndsInTime() throws Exception {
        RuntimeLink link = RuntimeLink.open();
        Path directory = link.address().getParent();
        try (SocketChannel silent = connect(link.address())) {
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> link.accept(500));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3_000);
            assertFalse(Files.exists(directory), "removed after a failed start too");
        }
    }

    @Test
    void theSecretTravelsAsOneLineOfHex() throws Exception {
        RuntimeLink link = RuntimeLink.open();
        try {
            ByteArrayOutputStream stdin = new ByteArrayOutputStream();
            link.handSecretTo(stdin);
            String line = stdin.toString(StandardCharsets.US_ASCII);
            assertTrue(line.matches("[0-9a-f]{64}\n"), line);
            assertArrayEquals(LinkHandshake.decode(line), secretOf(link), "the same secret for both connections");
        } finally {
            link.close();
        }
    }

    @Test
    void theEngineStreamAcceptsStackTracesAndNothingElse() throws Exception {
        StackTraceElement[] trace = new Exception().getStackTrace();
        assertArrayEquals(trace, (StackTraceElement[]) readFiltered(trace));
        assertEquals("text", readFiltered("text"));
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) readFiltered(new boolean[] {true, false}));
        HashMap<String, String> map = new HashMap<>();
        map.put("a", "b");
        assertThrows(InvalidClassException.class, () -> readFiltered(map));
        assertThrows(InvalidClassException.class, () -> readFiltered(new Object[] {"x"}));
        assertThrows(InvalidClassException.class, () -> readFiltered(new boolean[(int) RuntimeReplies.MAX_ARRAY + 1]));
    }

    private static Object readFiltered(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(RuntimeReplies.FILTER);
            return in.readObject();
        }
    }
}
