package concurrencylab.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code System.in} of the runtime: each line is asked of the kernel over the side channel, whole
 * (JShell's own forwarding costs a round trip per byte). The kernel asks the front end of the
 * running cell.
 */
final class LineInput extends InputStream {

    /** The kernel's answer: a line (without its newline), or why there is none. */
    record Answer(boolean ok, String text) {
    }

    private final EventSender sender;
    private final Map<Long, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private byte[] line = new byte[0];
    private int position;

    LineInput(EventSender sender) {
        this.sender = sender;
    }

    /** Called by the side-channel reader when the kernel answers. */
    void answer(long seq, Answer answer) {
        CompletableFuture<Answer> asked = waiting.remove(seq);
        if (asked != null) {
            asked.complete(answer);
        }
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[position++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return line.length - position;
    }

    /** Asks for the next line when the last one has been read; false at end of input. */
    private boolean fill() throws IOException {
        if (position < line.length) {
            return true;
        }
        long seq = sequence.incrementAndGet();
        CompletableFuture<Answer> asked = new CompletableFuture<>();
        waiting.put(seq, asked);
        Answer answer;
        try {
            sender.inputRequest(seq);
            answer = asked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for input");
        } catch (ExecutionException | RuntimeException e) {
            throw new IOException("the kernel could not be asked for input", e);
        } finally {
            waiting.remove(seq);
        }
        if (!answer.ok()) {
            throw new IOException(answer.text());
        }
        line = (answer.text() + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
