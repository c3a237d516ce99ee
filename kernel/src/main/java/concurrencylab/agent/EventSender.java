package concurrencylab.agent;

import concurrencylab.agent.wire.Frames;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Runtime side of the side channel: writes whole frames, one at a time, in call order. */
public final class EventSender {

    private final DataOutputStream out;

    public EventSender(OutputStream socketOut) {
        this.out = new DataOutputStream(new BufferedOutputStream(socketOut, 1 << 16));
    }

    public synchronized void stream(String cellId, String name, String text) {
        send(() -> {
            out.writeByte(Frames.STREAM);
            Frames.writeString(out, cellId);
            Frames.writeString(out, name);
            Frames.writeString(out, text);
        });
    }

    public synchronized void display(String cellId, String bundleJson, String displayId, boolean update) {
        send(() -> {
            out.writeByte(Frames.DISPLAY);
            Frames.writeString(out, cellId);
            Frames.writeString(out, bundleJson);
            Frames.writeString(out, displayId == null ? "" : displayId);
            out.writeBoolean(update);
        });
    }

    public synchronized void clear(String cellId, boolean wait) {
        send(() -> {
            out.writeByte(Frames.CLEAR);
            Frames.writeString(out, cellId);
            out.writeBoolean(wait);
        });
    }

    public synchronized void result(String token, String bundleJson) {
        send(() -> {
            out.writeByte(Frames.RESULT);
            Frames.writeString(out, token);
            Frames.writeString(out, bundleJson);
        });
    }

    public synchronized void snippetDone(long invoke) {
        send(() -> {
            out.writeByte(Frames.SNIPPET_DONE);
            out.writeLong(invoke);
        });
    }

    public synchronized void barrier(long sequence) {
        send(() -> {
            out.writeByte(Frames.BARRIER);
            out.writeLong(sequence);
        });
    }

    public synchronized void threads(long sequence, String surveyJson) {
        send(() -> {
            out.writeByte(Frames.THREADS);
            out.writeLong(sequence);
            Frames.writeString(out, surveyJson);
        });
    }

    public synchronized void inputRequest(long sequence) {
        send(() -> {
            out.writeByte(Frames.INPUT_REQUEST);
            out.writeLong(sequence);
        });
    }

    private interface FrameWriter {
        void write() throws IOException;
    }

    private void send(FrameWriter frame) {
        try {
            frame.write();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the kernel closed the event channel", e);
        }
    }
}
