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
    /** The cell's Java is being evaluated now (guarded by this): only then may tier 2 kill its runtime. */
    private boolean inJava;
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

    /** The cell's Java starts: from now on until {@link #leaveJava}, tier 2 may kill its runtime. */
    public synchronized void enterJava() {
        inJava = true;
    }

    /**
     * The cell's Java has ended (stopped by tier 1, say). Tier 2 kills no runtime after this; the caller
     * checks {@link #killed()}, since it may have done so just before.
     */
    public synchronized void leaveJava() {
        inJava = false;
    }

    /** Tier 2's decision, taken with the cell's Java: true (and killed) only while that Java still runs. */
    synchronized boolean killIfInJava() {
        if (!inJava || killed) {
            return false;
        }
        killed = true;
        return true;
    }

    void cancelTimers() {
        for (ScheduledFuture<?> pending : new ScheduledFuture<?>[] {escalation, preparation}) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
