package concurrencylab.bench;

import concurrencylab.harness.Harness;
import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What notebook state costs {@code %%processes}, measured through a real JShell as a notebook would run it: the
 * dispatch overhead per task when each worker must first get a copy of 1 KB or 10 MB of notebook variables (the
 * pickle cost), and the prime count with its range in a notebook variable on every executor, beside serial.
 */
final class NotebookStateBench {

    private static final int STATE_TASKS = 2;

    private NotebookStateBench() {
    }

    /**
     * One 2-task run per case, the value changed before each run so that it crosses (but in the last case). The
     * runs are started from here with the body the notebook compiled ({@link Handoff}): no snippet per run, so
     * the workers keep the notebook's classes and only the state crosses.
     */
    static void dispatchWithState(BenchNotebook notebook, int repeat) throws InterruptedException {
        System.out.println();
        System.out.println("%%processes -n 2 with notebook state: " + STATE_TASKS + " tasks reading a byte[] variable,"
                + " changed before each run so it crosses (best of " + repeat + "):");
        notebook.eval("byte[] benchState = new byte[0];");
        notebook.eval("Object benchNoState() { return Task.index(); }");
        notebook.eval("Object benchWithState() { return benchState.length; }");
        stateRow(notebook, "no state", "benchNoState", false, repeat);
        for (int size : new int[] {1 << 10, 10 << 20}) {
            notebook.eval("benchState = new byte[" + size + "];");
            notebook.eval(Handoff.class.getName() + ".state = benchState;");
            String label = (size < 1 << 20 ? (size >> 10) + " KB" : (size >> 20) + " MB") + " of state";
            stateRow(notebook, label, "benchWithState", true, repeat);
            if (size >= 1 << 20) {
                stateRow(notebook, label + ", unchanged (not resent)", "benchWithState", false, repeat);
            }
        }
    }

    private static void stateRow(BenchNotebook notebook, String label, String method, boolean change, int repeat)
            throws InterruptedException {
        notebook.eval(Handoff.class.getName() + ".body = () -> " + method + "();");
        RunOptions options = RunOptions.of(Mode.PROCESSES).withWorkers(2).withTasks(STATE_TASKS);
        RunResult best = null;
        for (int run = 0; run <= repeat; run++) { // run 0 warms up
            if (change) {
                Handoff.state[0]++;
            }
            RunResult result = Harness.execute(options, method, Handoff.body);
            if (!result.succeeded()) {
                throw new IllegalStateException(result.summary());
            }
            if (run > 0 && (best == null || result.wallNanos() < best.wallNanos())) {
                best = result;
            }
        }
        System.out.printf(Locale.ROOT, "  %-42s %9.1f µs/task  (run %.1f ms; %s)%n", "%%processes -n 2, " + label,
                best.wallNanos() / 1e3 / STATE_TASKS, best.wallNanos() / 1e6,
                best.state().none() ? "no state" : best.state().line());
    }

    /** The lecture's prime count, its limit a notebook variable the tasks read; every mode must agree with serial. */
    static void primesFromANotebookVariable(BenchNotebook notebook, int repeat) throws InterruptedException {
        notebook.eval("long primeLimit = " + PrimeCount.LIMIT + "L;");
        notebook.eval("""
                long primeShare() {
                    long primes = 0;
                    for (long block = Task.index() * 10_000L; block < primeLimit; block += Task.count() * 10_000L) {
                        for (long n = Math.max(2, block); n < Math.min(primeLimit, block + 10_000); n++) {
                            boolean prime = true;
                            for (long d = 2; d * d <= n; d++) {
                                if (n % d == 0) { prime = false; break; }
                            }
                            if (prime) primes++;
                        }
                    }
                    return primes;
                }""");
        notebook.eval("Object benchPrimes() { return primeShare(); }");
        System.out.println();
        System.out.println("Primes below primeLimit = " + PrimeCount.LIMIT + ", a notebook variable, in 2 tasks"
                + " (a warm-up, then the median of " + repeat + "):");
        long[] serial = primes(notebook, "SERIAL", 1, repeat);
        report("serial", serial, serial);
        for (String mode : List.of("THREADS", "VIRTUAL", "PROCESSES")) {
            report(mode.toLowerCase(Locale.ROOT), primes(notebook, mode, 2, repeat), serial);
        }
    }

    /**
     * The median wall time and the prime count. The runs start from here with the body the notebook compiled, as
     * {@code %%speedup}'s repeats do: a snippet per run would make the workers load the notebook's classes anew
     * each time, and run them cold.
     */
    private static long[] primes(BenchNotebook notebook, String mode, int workers, int repeat) throws InterruptedException {
        notebook.eval(Handoff.class.getName() + ".body = () -> benchPrimes();");
        RunOptions options = RunOptions.of(Mode.valueOf(mode)).withWorkers(workers).withTasks(2);
        List<Long> times = new ArrayList<>();
        long count = -1;
        for (int run = 0; run <= repeat; run++) {
            RunResult result = Harness.execute(options, "benchPrimes", Handoff.body);
            if (!result.succeeded()) {
                throw new IllegalStateException(result.summary());
            }
            count = result.results().stream().mapToLong(primes -> (Long) primes).sum();
            if (run > 0) {
                times.add(result.wallNanos());
            }
        }
        times.sort(null);
        return new long[] {times.get(times.size() / 2), count};
    }

    private static void report(String mode, long[] measured, long[] serial) {
        double speedup = (double) serial[0] / measured[0];
        int workers = mode.equals("serial") ? 1 : 2;
        System.out.printf(Locale.ROOT, "  %-10s %8.1f ms   speedup %.2f×   %d primes%s%s%n", mode, measured[0] / 1e6, speedup,
                measured[1], measured[1] == serial[1] ? " (as serial)" : " — NOT the serial count " + serial[1],
                HarnessBench.beyond(speedup, workers, Runtime.getRuntime().availableProcessors()));
    }

}
