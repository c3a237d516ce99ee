package concurrencylab.engine;

import concurrencylab.spi.CellContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cells output can still go to: the recent ones by id, so threads that outlive their cell
 * still reach it after its reply. Bounded, oldest dropped; unknown ids go to the latest cell.
 * Stack traces in their output show notebook frames as cell lines ({@link SnippetFrames}).
 */
public final class CellRouter {

    private static final int RECENT_CELLS = 256;

    private final Map<String, CellContext> cells = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CellContext> eldest) {
            return size() > RECENT_CELLS;
        }
    };
    private CellContext latest;
    private volatile SnippetFrames frames;

    /** Output text passes through {@code frames} on its way to the cell. */
    public void rewriteFramesWith(SnippetFrames snippetFrames) {
        frames = snippetFrames;
    }

    /** A new engine (and JShell) runs the notebook's code from now on. */
    void engineStarted(jdk.jshell.JShell jshell) {
        SnippetFrames current = frames;
        if (current != null) {
            current.engineStarted(jshell);
        }
    }

    public synchronized void register(CellContext cell) {
        SnippetFrames current = frames;
        CellContext routed = current == null ? cell : new FramesInOutput(cell, current);
        cells.put(cell.cellId(), routed);
        latest = routed;
    }

    /** The cell with this id, else the latest one; null before any cell ran. */
    synchronized CellContext find(String cellId) {
        CellContext cell = cells.get(cellId);
        return cell != null ? cell : latest;
    }
}
