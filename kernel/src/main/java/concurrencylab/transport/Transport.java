package concurrencylab.transport;

import concurrencylab.protocol.Message;
import java.time.Duration;
import java.util.Optional;

/**
 * What the core needs from the wire. {@link ZmqTransport} is the real one; tests use {@link InMemoryTransport}.
 * {@link #send} is safe from any thread.
 */
public interface Transport extends AutoCloseable {

    /** Starts delivering requests from shell and control to {@code handler}, each channel on its own thread. */
    void start(RequestHandler handler);

    /** Whether requests must carry a valid signature (false when the connection file's key is empty). */
    default boolean authenticated() {
        return true;
    }

    void send(Channel channel, Message message);

    /**
     * Sends {@code request} on stdin and waits for the client's reply.
     * Returns empty when {@code timeout} passed or {@code cancelled} was set (checked at least every 100 ms).
     */
    Optional<Message> askStdin(Message request, Duration timeout, java.util.function.BooleanSupplier cancelled);

    /** Returns the requests that are already queued on shell, without waiting (used to abort them after an error). */
    java.util.List<Message> drainQueuedShell();

    @Override
    void close();

    /** Called on the channel's own thread, one message at a time per channel. */
    @FunctionalInterface
    interface RequestHandler {
        void handle(Channel channel, Message request);
    }
}
