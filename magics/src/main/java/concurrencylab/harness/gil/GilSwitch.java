package concurrencylab.harness.gil;

/**
 * What code woven by {@link GilWeaver} calls, and {@code Task.checkpoint()}, {@code Task.sleep} and
 * {@code Task.blocking} too. Outside a {@code %%gil} run each call is one volatile read.
 */
public final class GilSwitch {

    private GilSwitch() {
    }

    /** A switch check: at loop back-edges and method entries of notebook code. */
    public static void check() {
        Gil gil = Gil.active();
        if (gil != null) {
            gil.check();
        }
    }

    /** Just before a blocking call of notebook code (sleep, IO, waits): the lock is released. */
    public static void beforeBlocking() {
        Gil gil = Gil.active();
        if (gil != null) {
            gil.beforeBlocking();
        }
    }

    /** Just after the blocking call returned: the lock is taken back. */
    public static void afterBlocking() {
        Gil gil = Gil.active();
        if (gil != null) {
            gil.afterBlocking();
        }
    }
}
