package concurrencylab.harness.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * Java serialization to and from bytes; reading resolves classes in a given loader (snippet classes) and
 * admits only what an allow-list filter lets through ({@link SerialFilters}).
 */
public final class Wire {

    /**
     * The largest message between pool and workers; both sockets drop a peer that announces more, before
     * buffering it. Room for a task result far beyond what a notebook prints, within the runtime's default heap.
     */
    static final long MAX_MESSAGE_BYTES = 256L << 20;
    /** A serialized result this size or smaller fits a message with its envelope. */
    public static final long MAX_RESULT_BYTES = MAX_MESSAGE_BYTES - (64 << 10);

    private Wire() {
    }

    public static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    static byte[] writeMessage(WorkerMessage message) {
        try {
            return write(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** A task's result, as the notebook's classes and a few of the JDK's ({@link SerialFilters#results}). */
    public static Object readResult(byte[] data, ClassLoader cellLoader) throws IOException, ClassNotFoundException {
        return read(data, cellLoader, SerialFilters.results(cellLoader));
    }

    static Object read(byte[] data, ClassLoader loader, ObjectInputFilter filter) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(data), loader)) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }

    /** @throws IllegalStateException when the bytes are not a message of the pool's protocol */
    static WorkerMessage readMessage(byte[] data) {
        try {
            if (read(data, Wire.class.getClassLoader(), SerialFilters.MESSAGES) instanceof WorkerMessage message) {
                return message;
            }
            throw new IllegalStateException("not a worker message");
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot decode a worker message", e);
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(description.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description);
            }
        }
    }
}
