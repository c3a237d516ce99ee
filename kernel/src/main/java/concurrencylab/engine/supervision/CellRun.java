package concurrencylab.engine.supervision;

import concurrencylab.spi.CellContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One cell from the moment it begins until it ends, and what the interrupt policy did to it. A cell has
 * exactly one run, however many pieces of Java its magics evaluate.
 */
public final class CellRun {

    private final CellContext context;
    /** Completes on interrupt, so a cell still waiting for its engine ends at once. */
    private final CompletableFuture<Void> stopSignal = new CompletableFuture<>();
    private volatile boolean stopRequested;
    private volatile boolean killed;
    /** The cell's runtime ended and was replaced while it ran: there is nothing left to watch. */
    private volatile boolean replaced;
    volatile ScheduledFuture<?> escalation;
    volatile ScheduledFuture<?> preparation;

    CellRun(CellContext context) {
        this.context = context;
    }

    public CellContext context() {
        return context;
    }

    /** The cell was interrupted: it runs no further Java. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Tier 2 killed the cell's runtime: the cell ends with a restart. */
    public boolean killed() {
        return killed;
    }

    /** The cell's runtime ended while it ran and the cell replaced it. */
    public void markReplaced() {
        replaced = true;
    }

    boolean replaced() {
        return replaced;
    }

    CompletableFuture<Void> stopSignal() {
        return stopSignal;
    }

    void requestStop() {
        stopRequested = true;
        stopSignal.complete(null);
    }

    void markKilled() {
        killed = true;
    }

    void cancelTimers() {
        for (ScheduledFuture<?> pending : new ScheduledFuture<?>[] {escalation, preparation}) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
