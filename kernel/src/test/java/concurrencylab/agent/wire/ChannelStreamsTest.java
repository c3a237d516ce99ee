package concurrencylab.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both output streams over a real Unix domain socket, written by a thread whose interrupt status is set. */
class ChannelStreamsTest {

    @TempDir
    Path directory;

    @Test
    void theDirectOutputWritesForAnInterruptedCallerAndLeavesTheChannelOpen() throws Exception {
        writesDespiteTheInterrupt(ChannelStreams::directOutput);
    }

    @Test
    void theWriterThreadOutputWritesForAnInterruptedCallerAndLeavesTheChannelOpen() throws Exception {
        writesDespiteTheInterrupt(ChannelStreams::output);
    }

    private void writesDespiteTheInterrupt(Function<SocketChannel, OutputStream> streamOf) throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(directory.resolve("link"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            try (SocketChannel writing = SocketChannel.open(address); SocketChannel reading = server.accept()) {
                OutputStream out = streamOf.apply(writing);
                InputStream in = ChannelStreams.input(reading);
                byte[] first = "first".getBytes(StandardCharsets.UTF_8);
                byte[] second = "second".getBytes(StandardCharsets.UTF_8);

                Thread.currentThread().interrupt();
                out.write(first);
                boolean keptInterrupt = Thread.interrupted();
                out.write(second);

                assertTrue(keptInterrupt, "the caller's interrupt status is kept for after the write");
                assertTrue(writing.isOpen(), "the write of an interrupted caller must not close the link");
                assertArrayEquals(first, in.readNBytes(first.length));
                assertArrayEquals(second, in.readNBytes(second.length));
            } finally {
                Thread.interrupted();
            }
        }
    }
}
