package concurrencylab.harness.gil;

import java.util.Locale;

/** How the simulated GIL changes hands, after CPython's two designs. */
public enum GilPolicy {
    /**
     * CPython 3.2 and later: a thread that has waited a whole switch interval asks for the lock, the holder drops
     * it at its next switch check and the waiting thread gets it (the lock is fair, so the holder queues behind).
     */
    NEW,
    /**
     * Before CPython 3.2: the holder releases the lock every N ticks (switch checks) and at once asks for it
     * again, with no hand-over ({@link CondvarLock}): on several cores the releasing thread usually wins, the
     * woken one has paid for waking up in vain (the "GIL battle").
     */
    OLD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GilPolicy parse(String name) {
        for (GilPolicy policy : values()) {
            if (policy.label().equalsIgnoreCase(name.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown GIL policy '" + name + "': use new (CPython 3.2+) or old");
    }
}
