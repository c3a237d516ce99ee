package concurrencylab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What notebook state costs {@code %%processes}, measured through a real JShell as a notebook would run it: the
 * dispatch overhead per task when each worker must first get a copy of 1 KB or 10 MB of notebook variables (the
 * pickle cost), and the prime count with its range in a notebook variable on every executor, beside serial.
 */
final class NotebookStateBench {

    private static final String HARNESS = "concurrencylab.harness.";
    private static final int STATE_TASKS = 2;

    private NotebookStateBench() {
    }

    /** One 2-task run per case, the value changed before each run so that it crosses (but in the last case). */
    static void dispatchWithState(BenchNotebook notebook, int repeat) {
        System.out.println();
        System.out.println("%%processes -n 2 with notebook state: " + STATE_TASKS + " tasks reading a byte[] variable,"
                + " changed before each run so it crosses (best of " + repeat + "):");
        notebook.eval("Object benchNoState() { return Task.index(); }");
        stateRow(notebook, "no state", "benchNoState", null, repeat);
        for (int size : new int[] {1 << 10, 10 << 20}) {
            String variable = "state" + size;
            notebook.eval("byte[] " + variable + " = new byte[" + size + "];");
            notebook.eval("Object bench" + variable + "() { return " + variable + ".length; }");
            String label = (size < 1 << 20 ? (size >> 10) + " KB" : (size >> 20) + " MB") + " of state";
            stateRow(notebook, label, "bench" + variable, variable + "[0]++;", repeat);
            if (size >= 1 << 20) {
                stateRow(notebook, label + ", unchanged (not resent)", "bench" + variable, null, repeat);
            }
        }
    }

    private static void stateRow(BenchNotebook notebook, String label, String method, String change, int repeat) {
        String options = HARNESS + "RunOptions.of(" + HARNESS + "Mode.PROCESSES).withWorkers(2).withTasks(" + STATE_TASKS + ")";
        long best = Long.MAX_VALUE;
        String state = "";
        for (int run = 0; run <= repeat; run++) { // run 0 warms up
            if (change != null) {
                notebook.eval(change);
            }
            notebook.eval("var benchRun = " + HARNESS + "Harness.execute(" + options + ", \"" + method + "\", () -> " + method + "());");
            if (!Boolean.parseBoolean(notebook.eval("benchRun.succeeded()"))) {
                throw new IllegalStateException(notebook.eval("benchRun.summary()"));
            }
            long wall = notebook.number("benchRun.wallNanos()");
            if (run > 0 && wall < best) {
                best = wall;
                state = unquote(notebook.eval("benchRun.state().none() ? \"no state\" : benchRun.state().line()"));
            }
        }
        System.out.printf(Locale.ROOT, "  %-42s %9.1f µs/task  (run %.1f ms; %s)%n", "%%processes -n 2, " + label,
                best / 1e3 / STATE_TASKS, best / 1e6, state);
    }

    /** The lecture's prime count, its limit a notebook variable the tasks read; every mode must agree with serial. */
    static void primesFromANotebookVariable(BenchNotebook notebook, int repeat) {
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

    /** The median wall time and the prime count. */
    private static long[] primes(BenchNotebook notebook, String mode, int workers, int repeat) {
        String options = HARNESS + "RunOptions.of(" + HARNESS + "Mode." + mode + ").withWorkers(" + workers + ").withTasks(2)";
        List<Long> times = new ArrayList<>();
        long count = -1;
        for (int run = 0; run <= repeat; run++) {
            notebook.eval("var benchRun = " + HARNESS + "Harness.execute(" + options + ", \"benchPrimes\", () -> benchPrimes());");
            if (!Boolean.parseBoolean(notebook.eval("benchRun.succeeded()"))) {
                throw new IllegalStateException(notebook.eval("benchRun.summary()"));
            }
            count = notebook.number("benchRun.results().stream().mapToLong(r -> (Long) r).sum()");
            if (run > 0) {
                times.add(notebook.number("benchRun.wallNanos()"));
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

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
