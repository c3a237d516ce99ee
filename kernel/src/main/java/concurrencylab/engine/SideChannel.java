package concurrencylab.engine;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencylab.agent.wire.ChannelStreams;
import concurrencylab.agent.wire.Frames;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.MimeBundle;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kernel side of the side channel: one reader thread hands the runtime's output and displays to
 * the cell they belong to, and marks the end of each snippet; the kernel sends stop and barrier requests.
 */
public final class SideChannel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SideChannel.class.getName());

    private final SocketChannel channel;
    private final DataOutputStream out;
    private final CellRouter cells;
    private final CellInput input;
    private final Map<Long, CompletableFuture<Void>> barriers = new ConcurrentHashMap<>();
    private final Map<String, MimeBundle> results = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<JsonObject>> surveys = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Object snippetsDone = new Object();
    /** The number of the latest invoke the runtime said has ended, its output sent. */
    private long lastSnippetDone;

    SideChannel(SocketChannel channel, CellRouter cells, CellInput input) {
        this.channel = channel;
        this.out = new DataOutputStream(new java.io.BufferedOutputStream(ChannelStreams.output(channel)));
        this.cells = cells;
        this.input = input;
        Thread reader = new Thread(this::readLoop, "concurrency-lab-runtime-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** Asks the runtime to stop a cell (the engine stream is busy while a cell runs): its sequence number. */
    void stop(long cell) {
        send(Frames.STOP, cell);
    }

    /**
     * Waits until the runtime's mark that invoke number {@code invoke} has ended arrived, and with it all
     * output, displays and results the runtime sent before it. No request: the runtime sends the mark as
     * the snippet ends. Returns false when it did not come in time or the runtime has gone.
     */
    boolean awaitSnippetDone(long invoke, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (snippetsDone) {
            try {
                while (lastSnippetDone < invoke && !closed.isDone()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(snippetsDone, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return lastSnippetDone >= invoke;
        }
    }

    /**
     * Waits until the runtime has sent everything written before now: output, displays and results.
     * Returns false when the runtime did not answer in time or has gone.
     */
    public boolean barrier(long timeoutMillis) {
        long seq = sequence.incrementAndGet();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        barriers.put(seq, answered);
        try {
            if (!send(Frames.BARRIER_REQUEST, seq)) {
                return false;
            }
            CompletableFuture.anyOf(answered, closed).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return answered.isDone();
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        } finally {
            barriers.remove(seq);
        }
    }

    /**
     * The runtime's survey of the threads notebook code started, with deadlocks; answered even while a
     * cell runs. Null when the runtime did not answer in time or has gone.
     */
    public JsonObject threads(long timeoutMillis) {
        return survey(Frames.THREADS_REQUEST, timeoutMillis);
    }

    /**
     * Stops the threads earlier cells left running; the survey of them as they were, or null when the
     * runtime did not answer in time. Meant for when no cell runs: the runtime leaves running code alone.
     */
    public JsonObject stopLeftovers(long timeoutMillis) {
        return survey(Frames.STOP_LEFTOVERS_REQUEST, timeoutMillis);
    }

    /** The CPU time of each platform thread notebook code started (a cheap survey); null without an answer. */
    public JsonObject threadCpu(long timeoutMillis) {
        return survey(Frames.THREAD_CPU_REQUEST, timeoutMillis);
    }

    /** As {@link #threads}, with the deadlocks only. */
    public JsonObject deadlocks(long timeoutMillis) {
        return survey(Frames.DEADLOCKS_REQUEST, timeoutMillis);
    }

    private JsonObject survey(byte request, long timeoutMillis) {
        long seq = sequence.incrementAndGet();
        CompletableFuture<JsonObject> answered = new CompletableFuture<>();
        surveys.put(seq, answered);
        try {
            if (!send(request, seq)) {
                return null;
            }
            CompletableFuture.anyOf(answered, closed).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return answered.getNow(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        } finally {
            surveys.remove(seq);
        }
    }

    /** The rich bundle the runtime sent for a marked value, once. */
    public MimeBundle takeResult(String token) {
        return results.remove(token);
    }

    private synchronized boolean send(byte type, long argument) {
        try {
            out.writeByte(type);
            if (argument >= 0) {
                out.writeLong(argument);
            }
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void readLoop() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.input(channel), 1 << 16))) {
            while (true) {
                dispatch(in.readByte(), in);
            }
        } catch (IOException e) {
            // The runtime ended; the engine notices on its own stream and reports it to the cell.
        } finally {
            closed.complete(null);
            synchronized (snippetsDone) {
                snippetsDone.notifyAll();
            }
        }
    }

    private void dispatch(byte type, DataInputStream in) throws IOException {
        switch (type) {
            case Frames.STREAM -> {
                CellContext cell = cells.find(Frames.readString(in));
                String name = Frames.readString(in);
                String text = Frames.readString(in);
                deliver(cell, c -> c.stream(name, text));
            }
            case Frames.DISPLAY -> {
                CellContext cell = cells.find(Frames.readString(in));
                MimeBundle bundle = bundle(Frames.readString(in));
                String displayId = Frames.readString(in);
                boolean update = in.readBoolean();
                deliver(cell, c -> c.display(bundle, displayId.isEmpty() ? null : displayId, update));
            }
            case Frames.CLEAR -> {
                CellContext cell = cells.find(Frames.readString(in));
                boolean wait = in.readBoolean();
                deliver(cell, c -> c.clearOutput(wait));
            }
            case Frames.RESULT -> {
                String token = Frames.readString(in);
                results.put(token, bundle(Frames.readString(in)));
            }
            case Frames.SNIPPET_DONE -> {
                long invoke = in.readLong();
                synchronized (snippetsDone) {
                    lastSnippetDone = Math.max(lastSnippetDone, invoke);
                    snippetsDone.notifyAll();
                }
            }
            case Frames.BARRIER -> {
                CompletableFuture<Void> answered = barriers.get(in.readLong());
                if (answered != null) {
                    answered.complete(null);
                }
            }
            case Frames.INPUT_REQUEST -> {
                long seq = in.readLong();
                // Asking the front end may take minutes; output of other threads must keep flowing meanwhile.
                Thread.ofVirtual().name("concurrency-lab-input").start(() -> answerInput(seq));
            }
            case Frames.THREADS -> {
                CompletableFuture<JsonObject> answered = surveys.get(in.readLong());
                String json = Frames.readString(in);
                if (answered != null) {
                    answered.complete(JsonParser.parseString(json).getAsJsonObject());
                }
            }
            default -> throw new IOException("unknown runtime frame " + type);
        }
    }

    private void answerInput(long seq) {
        boolean ok;
        String text;
        try {
            text = input.nextLine();
            ok = true;
        } catch (IOException e) {
            text = e.getMessage();
            ok = false;
        }
        sendInput(seq, ok, text);
    }

    private synchronized void sendInput(long seq, boolean ok, String text) {
        try {
            out.writeByte(Frames.INPUT);
            out.writeLong(seq);
            out.writeBoolean(ok);
            Frames.writeString(out, text);
            out.flush();
        } catch (IOException e) {
            // the runtime has gone; its reader sees the end of the channel
        }
    }

    /** A failing cell context must not stop the events of all the others. */
    private static void deliver(CellContext cell, java.util.function.Consumer<CellContext> event) {
        if (cell == null) {
            return;
        }
        try {
            event.accept(cell);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not deliver runtime output to cell " + cell.cellId(), e);
        }
    }

    /** A bundle as the runtime's {@code Renderers} sends it: {@code {"data": ..., "metadata": ...}}. */
    private static MimeBundle bundle(String json) {
        JsonObject bundle = JsonParser.parseString(json).getAsJsonObject();
        return new MimeBundle(bundle.getAsJsonObject("data"), bundle.getAsJsonObject("metadata"));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
