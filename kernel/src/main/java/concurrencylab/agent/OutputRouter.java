package concurrencylab.agent;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Routes {@code System.out} and {@code System.err} of every thread to the cell that thread works for.
 *
 * <p>Writes land in one ordered list of chunks (so order per thread is kept); a flusher thread sends
 * them a few milliseconds after the first byte arrives, coalescing runs of the same cell and stream.
 * When too much is pending, writers wait for the flusher: a print flood cannot grow memory unboundedly.
 */
public final class OutputRouter {

    private static final long FLUSH_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int PENDING_LIMIT = 4 << 20;

    private final EventSender sender;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pendingOutput = lock.newCondition();
    private final Condition drained = lock.newCondition();
    /** Held while a batch is taken and sent, so a barrier never overtakes output taken before it. */
    private final Object sendLock = new Object();
    private List<Chunk> pending = new ArrayList<>();
    private int pendingBytes;
    /** Bytes of an incomplete UTF-8 character at the end of a stream's last batch. */
    private final Map<String, byte[]> carry = new HashMap<>();

    public OutputRouter(EventSender sender) {
        this.sender = sender;
    }

    public PrintStream stream(String name) {
        return new PrintStream(new RoutedStream(name), true, StandardCharsets.UTF_8);
    }

    public void start() {
        Thread flusher = new Thread(this::flushLoop, "concurrency-lab-output-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Sends everything written so far, now. */
    public void flushNow() {
        synchronized (sendLock) {
            send(take());
        }
    }

    private void append(String stream, byte[] bytes, int off, int len) {
        if (len == 0) {
            return;
        }
        String cellId = CurrentCell.id();
        lock.lock();
        try {
            while (pendingBytes > PENDING_LIMIT) {
                drained.awaitUninterruptibly();
            }
            Chunk last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
            if (last != null && last.cellId.equals(cellId) && last.stream.equals(stream)) {
                last.bytes.write(bytes, off, len);
            } else {
                Chunk chunk = new Chunk(cellId, stream);
                chunk.bytes.write(bytes, off, len);
                pending.add(chunk);
            }
            boolean first = pendingBytes == 0;
            pendingBytes += len;
            if (first || pendingBytes > PENDING_LIMIT / 2) {
                pendingOutput.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Chunk> take() {
        lock.lock();
        try {
            List<Chunk> batch = pending;
            pending = new ArrayList<>();
            pendingBytes = 0;
            drained.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void flushLoop() {
        while (true) {
            lock.lock();
            try {
                while (pendingBytes == 0) {
                    pendingOutput.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
            // Wait a little so a burst of prints goes out as one message, unless the buffer fills up.
            long deadline = System.nanoTime() + FLUSH_DELAY_NANOS;
            lock.lock();
            try {
                long left;
                while (pendingBytes <= PENDING_LIMIT / 2 && (left = deadline - System.nanoTime()) > 0) {
                    pendingOutput.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            flushNow();
        }
    }

    private void send(List<Chunk> batch) {
        for (Chunk chunk : batch) {
            String key = chunk.cellId + '\0' + chunk.stream;
            byte[] bytes = chunk.bytes.toByteArray();
            byte[] before = carry.remove(key);
            if (before != null) {
                byte[] joined = new byte[before.length + bytes.length];
                System.arraycopy(before, 0, joined, 0, before.length);
                System.arraycopy(bytes, 0, joined, before.length, bytes.length);
                bytes = joined;
            }
            int complete = Utf8.completePrefix(bytes);
            if (complete < bytes.length) {
                carry.put(key, java.util.Arrays.copyOfRange(bytes, complete, bytes.length));
            }
            if (complete > 0) {
                sender.stream(chunk.cellId, chunk.stream, new String(bytes, 0, complete, StandardCharsets.UTF_8));
            }
        }
    }

    private static final class Chunk {
        final String cellId;
        final String stream;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Chunk(String cellId, String stream) {
            this.cellId = cellId;
            this.stream = stream;
        }
    }

    private final class RoutedStream extends OutputStream {
        private final String name;

        RoutedStream(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            append(name, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            append(name, b, off, len);
        }
    }
}
