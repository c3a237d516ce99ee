package concurrencylab.engine;

import concurrencylab.spi.CellContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cells output can still go to: the recent ones by id, so threads that outlive their cell
 * still reach it after its reply. Bounded, oldest dropped; unknown ids go to the latest cell.
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

    public synchronized void register(CellContext cell) {
        cells.put(cell.cellId(), cell);
        latest = cell;
    }

    /** The cell with this id, else the latest one; null before any cell ran. */
    synchronized CellContext find(String cellId) {
        CellContext cell = cells.get(cellId);
        return cell != null ? cell : latest;
    }
}
