package concurrencylab.transport;

import concurrencylab.protocol.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An in-memory twin of {@link ZmqTransport} for tests of the core: requests are handed to the
 * handler on the caller's thread, and everything the kernel sends is recorded per channel.
 */
public final class InMemoryTransport implements Transport {

    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> stdinReplies = new LinkedBlockingQueue<>();
    private final List<Message> queuedShell = new ArrayList<>();
    private RequestHandler handler;
    private final boolean authenticated;

    public InMemoryTransport() {
        this(true);
    }

    /** {@code authenticated} false stands for a connection file with an empty key. */
    public InMemoryTransport(boolean authenticated) {
        this.authenticated = authenticated;
    }

    @Override
    public boolean authenticated() {
        return authenticated;
    }

    /** A message the kernel sent, with the channel it went to. */
    public record Sent(Channel channel, Message message) {
    }

    @Override
    public void start(RequestHandler handler) {
        this.handler = handler;
    }

    /** Delivers a request as if it arrived on {@code channel}; returns when the kernel has handled it. */
    public void deliver(Channel channel, Message request) {
        handler.handle(channel, request);
    }

    /** Queues a shell request so that {@link #drainQueuedShell()} finds it, as if it were waiting on the socket. */
    public synchronized void queueShell(Message request) {
        queuedShell.add(request);
    }

    /** Provides the answer to the next stdin question. */
    public void replyOnStdin(Message reply) {
        stdinReplies.add(reply);
    }

    /** Waits for the next message the kernel sends. */
    public Sent next(Duration timeout) throws InterruptedException {
        return sent.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<Sent> drainSent() {
        List<Sent> all = new ArrayList<>();
        sent.drainTo(all);
        return all;
    }

    @Override
    public void send(Channel channel, Message message) {
        sent.add(new Sent(channel, message));
    }

    @Override
    public Optional<Message> askStdin(Message request, Duration timeout, BooleanSupplier cancelled) {
        send(Channel.STDIN, request);
        try {
            return Optional.ofNullable(stdinReplies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public synchronized List<Message> drainQueuedShell() {
        List<Message> queued = List.copyOf(queuedShell);
        queuedShell.clear();
        return queued;
    }

    @Override
    public void close() {
    }
}
