package concurrencylab.harness.gil;

import concurrencylab.results.GilReport;
import concurrencylab.results.GilReport.Hold;
import java.util.ArrayList;
import java.util.List;

/**
 * Who held the lock when: one {@link Hold} per stretch a thread kept it, a release followed within
 * {@link #SAME_HOLD_NANOS} by the same thread's re-acquire counting as one stretch (the old policy releases
 * thousands of times a second). Used only by the thread holding the lock.
 */
final class GilLog {

    /** A re-acquire this soon after the same thread's release continues its hold. */
    private static final long SAME_HOLD_NANOS = 50_000;
    /** Holds kept for the timeline; beyond, only counted. */
    private static final int MAX_HOLDS = 100_000;

    private final long runStartNanos;
    private final List<Hold> holds = new ArrayList<>();
    private String holder;
    private long holdStart;
    private long lastRelease;
    private long acquisitions;
    private long handovers;
    private long holdsLeftOut;

    GilLog(long runStartNanos) {
        this.runStartNanos = runStartNanos;
    }

    void acquired(String thread) {
        long now = System.nanoTime();
        acquisitions++;
        if (thread.equals(holder) && now - lastRelease < SAME_HOLD_NANOS) {
            return;
        }
        if (holder != null && !thread.equals(holder)) {
            handovers++;
        }
        closeHold();
        holder = thread;
        holdStart = now;
    }

    void released() {
        lastRelease = System.nanoTime();
    }

    private void closeHold() {
        if (holder == null) {
            return;
        }
        if (holds.size() < MAX_HOLDS) {
            holds.add(new Hold(holder, holdStart - runStartNanos, lastRelease - runStartNanos));
        } else {
            holdsLeftOut++;
        }
    }

    GilReport report(String policy, long intervalOrTicks, long dropRequests, long forcedSwitches, long checkReleases,
                     long blockingReleases) {
        List<Hold> all = new ArrayList<>(holds);
        if (holder != null && holds.size() < MAX_HOLDS) {
            all.add(new Hold(holder, holdStart - runStartNanos, lastRelease - runStartNanos));
        }
        return new GilReport(policy, intervalOrTicks, acquisitions, handovers, dropRequests, forcedSwitches,
                checkReleases, blockingReleases, all, holdsLeftOut);
    }
}
