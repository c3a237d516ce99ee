package concurrencylab.runtime;

/**
 * Which cell a thread works for. The runtime's command thread takes the id of each cell before
 * running it; every thread a cell starts (platform or virtual) inherits it. Threads that inherit
 * nothing (for example common-pool workers) count for the cell that started last.
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
        String own = CELL.get();
        return own != null ? own : latest;
    }
}
