package concurrencylab.bench;

import concurrencylab.harness.Harness;
import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.harness.gil.GilPolicy;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the GIL talks measure, on the simulated GIL and code woven as notebook code: two CPU-bound threads
 * against one (new policy: no faster; old policy: slower, the "GIL battle"), and the convoy effect (an
 * I/O-bound thread's response time alone, and beside a CPU-bound thread under each policy and with no GIL).
 */
final class GilBench {

    private static final int REPEAT = 3;
    private static final int REQUESTS = 150;

    private GilBench() {
    }

    static void report() throws Exception {
        Class<?> woven = WovenCopy.of(GilWorkloads.class);
        TaskCallable cpu = WovenCopy.task(woven, "cpuShare");
        System.out.printf(Locale.ROOT, "%%%%gil on CPU-bound code with no checkpoints, primes below %,d in 2 tasks"
                + " (a warm-up, then the median of %d):%n", GilWorkloads.LIMIT, REPEAT);
        RunResult serialRun = median(RunOptions.of(Mode.SERIAL).withTasks(2), cpu);
        double serial = serialRun.wallNanos();
        System.out.printf(Locale.ROOT, "  %-34s %8.1f ms%n", "serial (1 thread, no GIL)", serial / 1e6);
        // One thread under the GIL pays for the switch checks and never waits: what the checks alone cost.
        RunResult oneThread = median(gil(GilPolicy.NEW).withWorkers(1).withTasks(2), cpu);
        System.out.printf(Locale.ROOT, "  %-34s %8.1f ms   %.2f× serial's speed  (the switch checks alone)%n",
                "%%gil -n 1", oneThread.wallNanos() / 1e6, serial / oneThread.wallNanos());
        for (GilPolicy policy : GilPolicy.values()) {
            RunResult run = median(gil(policy).withWorkers(2).withTasks(2), cpu);
            if (!run.results().equals(serialRun.results())) {
                throw new IllegalStateException("%%gil gave " + run.results() + ", serial " + serialRun.results());
            }
            System.out.printf(Locale.ROOT, "  %-34s %8.1f ms   %.2f× serial's speed  (goal %s)  — %s%n",
                    "%%gil --policy " + policy.label() + " -n 2", run.wallNanos() / 1e6, serial / run.wallNanos(),
                    policy == GilPolicy.NEW ? "≤ 1.1×: no parallelism" : "< 1.0×: slower than one thread",
                    lockLine(run));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "The convoy effect: an I/O-bound thread answers %d requests (one %d ms after each"
                + " answer); its median response time:%n", REQUESTS, ConvoyChannel.PAUSE_MILLIS);
        TaskCallable alone = WovenCopy.task(woven, "respondAlone");
        TaskCallable beside = WovenCopy.task(woven, "respondBesideCpu");
        long aloneNanos = convoy(gil(GilPolicy.NEW).withWorkers(1).withTasks(1), alone);
        System.out.printf(Locale.ROOT, "  %-44s %9s%n", "alone, under %%gil", micros(aloneNanos));
        long threads = convoy(RunOptions.of(Mode.THREADS).withWorkers(2).withTasks(2), beside);
        System.out.printf(Locale.ROOT, "  %-44s %9s   %6.1f× alone%n", "beside a CPU-bound thread, no GIL (%%threads)",
                micros(threads), (double) threads / aloneNanos);
        for (GilPolicy policy : GilPolicy.values()) {
            long nanos = convoy(gil(policy).withWorkers(2).withTasks(2), beside);
            System.out.printf(Locale.ROOT, "  %-44s %9s   %6.1f× alone%n",
                    "beside a CPU-bound thread, %%gil --policy " + policy.label(), micros(nanos),
                    (double) nanos / aloneNanos);
        }
    }

    private static RunOptions gil(GilPolicy policy) {
        return RunOptions.of(Mode.GIL).withGilPolicy(policy);
    }

    private static String lockLine(RunResult run) {
        var gil = run.gil();
        return gil.policy().equals("new")
                ? String.format(Locale.ROOT, "%d hand-overs after %d drop requests", gil.handovers(), gil.forcedSwitches())
                : String.format(Locale.ROOT, "%,d releases, %d hand-overs", gil.checkReleases(), gil.handovers());
    }

    private static RunResult median(RunOptions options, TaskCallable body) throws Exception {
        check(Harness.execute(options, null, body));
        List<RunResult> runs = new ArrayList<>();
        for (int run = 0; run < REPEAT; run++) {
            runs.add(check(Harness.execute(options, null, body)));
        }
        runs.sort((a, b) -> Long.compare(a.wallNanos(), b.wallNanos()));
        return runs.get(runs.size() / 2);
    }

    /** The median response time of one run (after a warm-up run). */
    private static long convoy(RunOptions options, TaskCallable body) throws Exception {
        for (int run = 0; run < 2; run++) {
            ConvoyChannel channel = ConvoyChannel.open(REQUESTS);
            check(Harness.execute(options, null, body));
            if (run == 1) {
                return channel.medianNanos();
            }
        }
        throw new AssertionError();
    }

    private static RunResult check(RunResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException(result.summary());
        }
        return result;
    }

    private static String micros(long nanos) {
        return nanos < 1_000_000 ? String.format(Locale.ROOT, "%.0f µs", nanos / 1e3)
                : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
