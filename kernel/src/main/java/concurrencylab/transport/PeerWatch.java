package concurrencylab.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Logs what happens to the peers of some JeroMQ sockets: a peer that does not speak ZMTP or fails its
 * handshake (a warning), and a peer that leaves. JeroMQ drops a peer that announces a frame over the
 * socket's {@code maxMsgSize} or breaks the framing, and reports that only as a disconnect, so a
 * disconnect is logged with what may have caused it; at most one line per socket every
 * {@link #QUIET_MILLIS}, with a count of the others, so a peer that keeps reconnecting cannot flood the log.
 */
public final class PeerWatch {

    private static final System.Logger LOG = System.getLogger(PeerWatch.class.getName());
    private static final AtomicInteger WATCHES = new AtomicInteger();
    static final long QUIET_MILLIS = 10_000;

    private final ZMQ.Context context;
    private final List<Watched> watched = new ArrayList<>();

    private static final class Watched {
        final ZMQ.Socket events;
        final String name;
        final String limit;
        long lastLogged = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
        int unlogged;

        Watched(ZMQ.Socket events, String name, String limit) {
            this.events = events;
            this.name = name;
            this.limit = limit;
        }
    }

    public PeerWatch(ZMQ.Context context) {
        this.context = context;
    }

    /** Watches {@code socket} (call before {@link #start}); {@code maxMessageBytes} is its size limit. */
    public void watch(ZMQ.Socket socket, String name, long maxMessageBytes) {
        String endpoint = "inproc://peer-watch-" + WATCHES.incrementAndGet();
        socket.monitor(endpoint, zmq.ZMQ.ZMQ_EVENT_DISCONNECTED | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_PROTOCOL
                | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
                | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
        ZMQ.Socket events = context.socket(SocketType.PAIR);
        events.setLinger(0);
        events.connect(endpoint);
        watched.add(new Watched(events, name, size(maxMessageBytes)));
    }

    /** One daemon thread reads the events until the context terminates. */
    public void start(String threadName) {
        Thread thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        ZMQ.Poller poller = context.poller(watched.size());
        try {
            watched.forEach(w -> poller.register(w.events, ZMQ.Poller.POLLIN));
            while (true) {
                if (poller.poll(-1) < 0) {
                    return;
                }
                for (int i = 0; i < watched.size(); i++) {
                    if (poller.pollin(i)) {
                        ZEvent event = ZEvent.recv(watched.get(i).events, ZMQ.DONTWAIT);
                        if (event != null) {
                            report(watched.get(i), event);
                        }
                    }
                }
            }
        } catch (ZMQException | IllegalStateException e) {
            // the context is terminating
        } finally {
            poller.close();
            watched.forEach(w -> w.events.close());
        }
    }

    private static void report(Watched socket, ZEvent event) {
        switch (event.getEvent()) {
            case HANDSHAKE_PROTOCOL -> {
                if (event.getValue() instanceof Integer version && version == 0) {
                    LOG.log(System.Logger.Level.WARNING, "dropped a peer on {0}: it does not speak ZMTP", socket.name);
                }
            }
            case HANDSHAKE_FAILED_NO_DETAIL, HANDSHAKE_FAILED_PROTOCOL, HANDSHAKE_FAILED_AUTH ->
                    LOG.log(System.Logger.Level.WARNING, "dropped a peer on {0}: its handshake failed ({1})",
                            socket.name, event.getEvent());
            case DISCONNECTED -> {
                long now = System.nanoTime();
                if (now - socket.lastLogged < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                    socket.unlogged++;
                    return;
                }
                String others = socket.unlogged == 0 ? "" : " (" + socket.unlogged + " more since the last such line)";
                LOG.log(System.Logger.Level.INFO, "a peer left {0}: it closed its connection, or was dropped for a frame"
                        + " over {1} or one that breaks ZMTP{2}", socket.name, socket.limit, others);
                socket.lastLogged = now;
                socket.unlogged = 0;
            }
            default -> {
                // not asked for
            }
        }
    }

    static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
