package concurrencylab.deps;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferCancelledException;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;

/**
 * Turns the resolver's transfer events into one line of progress ("Downloading jsoup-1.18.1.jar 120/450 kB,
 * 3 files done"), at most a few times a second, for a display the cell updates in place.
 */
final class DownloadProgress extends AbstractTransferListener {

    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final Consumer<String> sink;
    private final BooleanSupplier cancelled;
    private final Map<TransferResource, Long> inFlight = new ConcurrentHashMap<>();
    private volatile long lastShown;
    private volatile int done;
    private volatile long bytes;

    DownloadProgress(Consumer<String> sink, BooleanSupplier cancelled) {
        this.sink = sink;
        this.cancelled = cancelled;
    }

    @Override
    public void transferInitiated(TransferEvent event) throws TransferCancelledException {
        stopIfCancelled();
    }

    @Override
    public void transferStarted(TransferEvent event) throws TransferCancelledException {
        stopIfCancelled();
        inFlight.put(event.getResource(), 0L);
        show(event, true);
    }

    @Override
    public void transferProgressed(TransferEvent event) throws TransferCancelledException {
        stopIfCancelled();
        inFlight.put(event.getResource(), event.getTransferredBytes());
        show(event, false);
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        inFlight.remove(event.getResource());
        synchronized (this) {
            done++;
            bytes += event.getTransferredBytes();
        }
        show(event, true);
    }

    @Override
    public void transferFailed(TransferEvent event) {
        inFlight.remove(event.getResource());
    }

    @Override
    public void transferCorrupted(TransferEvent event) {
        inFlight.remove(event.getResource());
    }

    /** An interrupt of the cell ends the downloads: the resolver fails the transfer, and the call reports it. */
    private void stopIfCancelled() throws TransferCancelledException {
        if (cancelled.getAsBoolean()) {
            throw new TransferCancelledException("interrupted");
        }
    }

    /** How many files came down and how much, for the summary line; 0 files when all were local. */
    String summary() {
        return done == 0 ? "" : "Downloaded " + done + (done == 1 ? " file, " : " files, ") + kilobytes(bytes) + ".";
    }

    private void show(TransferEvent event, boolean always) {
        long now = System.nanoTime();
        if (!always && now - lastShown < MIN_INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        TransferResource resource = event.getResource();
        String name = resource.getResourceName().substring(resource.getResourceName().lastIndexOf('/') + 1);
        long length = resource.getContentLength();
        String size = kilobytes(event.getTransferredBytes()) + (length > 0 ? "/" + kilobytes(length) : "");
        sink.accept("Downloading " + name + " " + size + " from " + resource.getRepositoryId()
                + (done > 0 ? ", " + done + " files done" : ""));
    }

    private static String kilobytes(long bytes) {
        return bytes < 10_000 ? bytes + " B" : bytes / 1000 + " kB";
    }
}
