package concurrencylab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Requests to an I/O-bound task, from a client thread outside the GIL: one request every
 * {@link #PAUSE_MILLIS} ms after the previous answer, stamped with its send time. The answering task records
 * how long each waited: its response time, which includes getting the GIL back after the blocking take.
 * Public: the woven copy of {@link GilWorkloads} lives in a class loader of its own.
 */
public final class ConvoyChannel {

    static final int PAUSE_MILLIS = 2;

    private static volatile ConvoyChannel current;

    private final int requests;
    private final LinkedBlockingQueue<Long> inbox = new LinkedBlockingQueue<>();
    private final Semaphore answers = new Semaphore(0);
    private final List<Long> responseNanos = new ArrayList<>();
    private volatile boolean finished;

    private ConvoyChannel(int requests) {
        this.requests = requests;
    }

    public static ConvoyChannel current() {
        return current;
    }

    public int requests() {
        return requests;
    }

    /** Where requests arrive; the answering task takes from it itself, so its blocking take is woven code's. */
    public LinkedBlockingQueue<Long> inbox() {
        return inbox;
    }

    public synchronized void answered(long nanos) {
        responseNanos.add(nanos);
        answers.release();
    }

    public void finish() {
        finished = true;
    }

    public boolean finished() {
        return finished;
    }

    /** Opens a channel for the next run and starts its client thread. */
    static ConvoyChannel open(int requests) {
        ConvoyChannel channel = new ConvoyChannel(requests);
        current = channel;
        Thread client = Thread.ofPlatform().daemon().name("convoy-client").start(() -> {
            try {
                for (int request = 0; request < requests; request++) {
                    Thread.sleep(PAUSE_MILLIS);
                    channel.inbox.put(System.nanoTime());
                    if (!channel.answers.tryAcquire(60, TimeUnit.SECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return channel;
    }

    /** The median response time of the run's requests. */
    synchronized long medianNanos() {
        List<Long> sorted = responseNanos.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }
}
