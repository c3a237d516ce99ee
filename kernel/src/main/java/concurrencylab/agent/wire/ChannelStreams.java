package concurrencylab.agent.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Streams over a blocking socket channel (the runtime link is a Unix domain socket, which has no
 * {@link java.net.Socket}) that read and write independently: one thread may block reading while others
 * write, as on a socket's own streams. Closing either stream closes the channel.
 *
 * <p>A socket channel is interruptible: a thread interrupted while it writes closes the channel for
 * everyone. In the runtime, cell threads write output and an interrupt of the cell interrupts them, so
 * writes are done by a thread of the stream's own, which nothing interrupts; the caller waits for its
 * write to finish and keeps its interrupt for later. Where only threads nothing interrupts write,
 * {@link #directOutput} writes on the caller's thread instead.
 */
public final class ChannelStreams {

    private ChannelStreams() {
    }

    public static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                if (length == 0) {
                    return 0;
                }
                return channel.read(ByteBuffer.wrap(bytes, offset, length)); // blocks for at least one byte
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    public static OutputStream output(SocketChannel channel) {
        // Started now, in the group of the thread that opens the link: made later by a cell's thread, the
        // writer would join that cell's thread group, and the cell's interrupt would reach it.
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(group, runnable, "concurrency-lab-link-writer");
            thread.setDaemon(true);
            return thread;
        });
        writer.prestartAllCoreThreads();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                ByteBuffer buffer = ByteBuffer.wrap(Arrays.copyOfRange(bytes, offset, offset + length));
                Future<?> written;
                try {
                    written = writer.submit(() -> {
                        writeFully(channel, buffer);
                        return null;
                    });
                } catch (RejectedExecutionException closed) {
                    throw new IOException("the runtime link is closed");
                }
                awaitUninterruptibly(written);
            }

            @Override
            public void close() throws IOException {
                writer.shutdown();
                channel.close();
            }
        };
    }

    /**
     * Writes on the caller's thread, for a link that only threads nothing interrupts write to: the engine stream,
     * which JShell writes from the kernel's shell thread and the runtime's main thread answers. It spares the
     * hand-over to a writer thread and back on each write, four per snippet (its class and its invoke, each
     * sent and answered). A caller whose interrupt status is already set keeps it for after the write, so that
     * the write does not close the channel.
     */
    public static OutputStream directOutput(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                boolean interrupted = Thread.interrupted();
                try {
                    writeFully(channel, buffer);
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void awaitUninterruptibly(Future<?> written) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    written.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // kept for the caller once the write is done
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
