package concurrencylab.protocol;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers recent signatures so a captured message cannot be sent again (as jupyter_client's
 * digest history does). Bounded: the oldest signatures are forgotten first.
 */
final class ReplayGuard {

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    ReplayGuard(int capacity) {
        this.capacity = capacity;
    }

    /** Returns false when {@code signature} was seen before. */
    synchronized boolean firstSighting(String signature) {
        if (!seen.add(signature)) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
