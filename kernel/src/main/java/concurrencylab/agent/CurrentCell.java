package concurrencylab.agent;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Which cell a thread works for. The runtime's command thread takes the id of each cell before
 * running it; every thread a cell starts (platform or virtual) inherits it. Threads that inherit
 * nothing, and the common pool's workers, count for the cell that started last.
 */
public final class CurrentCell {

    private static final InheritableThreadLocal<String> CELL = new InheritableThreadLocal<>();
    private static volatile String latest = "";

    private CurrentCell() {
    }

    /** Called on the command thread before a cell's snippets run there. */
    static void enter(String cellId) {
        latest = cellId;
        CELL.set(cellId);
    }

    public static String id() {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
            // Common-pool workers serve every cell (parallel streams, async futures) and would otherwise
            // keep the id of whichever cell happened to create them.
            return latest;
        }
        String own = CELL.get();
        return own != null ? own : latest;
    }
}
