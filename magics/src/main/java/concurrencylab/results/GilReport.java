package concurrencylab.results;

import java.util.List;
import java.util.Locale;

/**
 * What the simulated GIL did in one {@code %%gil} run: its policy ({@code new} with its switch interval in
 * nanoseconds, or {@code old} with its check interval in ticks), how often it was taken and changed hands, why
 * it was given up (a waiting thread's drop request honoured at a switch check, the old policy's periodic release,
 * a blocking call), and who held it when ({@link Hold}s, times after the run started).
 */
public record GilReport(String policy, long intervalOrTicks, long acquisitions, long handovers, long dropRequests,
                        long forcedSwitches, long checkReleases, long blockingReleases, List<Hold> holds,
                        long holdsLeftOut) {

    /** One stretch of time a thread held the lock. */
    public record Hold(String worker, long startNanos, long endNanos) {
    }

    public GilReport {
        holds = List.copyOf(holds);
    }

    /** One line for the run's summary. */
    public String summaryLine() {
        String how = policy.equals("new")
                ? String.format(Locale.ROOT, "new policy, switch interval %s: %d drop request%s honoured at switch checks",
                        Durations.format(intervalOrTicks), forcedSwitches, forcedSwitches == 1 ? "" : "s")
                : String.format(Locale.ROOT, "old policy, check every %d ticks: released %d times at checks",
                        intervalOrTicks, checkReleases);
        return String.format(Locale.ROOT, "GIL (%s): taken %d times, changed hands %d times, released %d times "
                + "around blocking calls", how, acquisitions, handovers, blockingReleases);
    }
}
