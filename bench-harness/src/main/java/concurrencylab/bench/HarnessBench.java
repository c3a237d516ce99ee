package concurrencylab.bench;

import concurrencylab.harness.Harness;
import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.harness.process.WorkerPool;
import concurrencylab.launch.jvm.JvmCommand;
import concurrencylab.results.Environment;
import concurrencylab.results.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Measures the harness against plain baselines in one run: dispatch overhead per task (threads and worker
 * processes beside a plain ExecutorService and a plain JeroMQ REQ/REP round trip between two JVMs), what
 * notebook state costs worker processes ({@link NotebookStateBench}), then the speedup of counting primes
 * below 4,000,000 in 2 tasks under every mode.
 */
public final class HarnessBench {

    private static final int THREAD_TASKS = 20_000;
    private static final int PROCESS_TASKS = 2_000;
    private static final int CLUSTER_TASKS = 1_000;
    private static final int ROUND_TRIPS = 5_000;
    private static final int REPEAT = 3;

    private HarnessBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("rep")) {
            replyForever(args[1]);
            return;
        }
        if (args.length == 1 && args[0].equals("gil")) {
            GilBench.report();
            System.exit(0);
        }
        if (args.length == 1 && args[0].equals("timeit")) {
            TimeitVsJmh.report();
            System.exit(0);
        }
        if (args.length > 0) {
            System.err.println("HarnessBench takes no arguments; bench/harness --help says what it measures.");
            System.exit(2);
        }
        System.out.println("Concurrency Lab harness benchmark — " + Environment.current());
        System.out.println(loadLine());
        System.out.println();
        System.out.println("Dispatch overhead per task (empty tasks, 2 workers; best of " + REPEAT + "):");
        row("plain ExecutorService (2 threads)", best(() -> plainExecutor(THREAD_TASKS)), THREAD_TASKS);
        row("%%threads -n 2", best(() -> harness(RunOptions.of(Mode.THREADS).withWorkers(2), THREAD_TASKS)), THREAD_TASKS);
        row("%%virtual", best(() -> harness(RunOptions.of(Mode.VIRTUAL), THREAD_TASKS)), THREAD_TASKS);
        row("plain JeroMQ REQ/REP round trip (2 JVMs)", best(HarnessBench::plainRoundTrips), ROUND_TRIPS);
        RunOptions processes = RunOptions.of(Mode.PROCESSES).withWorkers(2);
        harness(processes, 2);
        row("%%processes -n 2 (warm pool)", best(() -> harness(processes, PROCESS_TASKS)), PROCESS_TASKS);
        System.out.println("  " + ClusterBench.start());
        RunOptions cluster = RunOptions.of(Mode.CLUSTER).withWorkers(2);
        harness(cluster, 2);
        row("%%cluster -n 2 (2 members on this machine)", best(() -> harness(cluster, CLUSTER_TASKS)), CLUSTER_TASKS);
        try (BenchNotebook notebook = new BenchNotebook()) {
            NotebookStateBench.dispatchWithState(notebook, REPEAT);
            NotebookStateBench.primesFromANotebookVariable(notebook, REPEAT);
        }
        System.out.println();
        System.out.println("Primes below 4,000,000 in 2 tasks (a warm-up, then the median of " + REPEAT + "):");
        double serial = primes(Mode.SERIAL, 1);
        report(Mode.SERIAL, serial, serial);
        for (Mode mode : List.of(Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES, Mode.GIL, Mode.CLUSTER)) {
            report(mode, primes(mode, 2), serial);
        }
        System.out.println();
        System.out.println("A lost member (2 members on this machine):");
        ClusterBench.memberLoss();
        ClusterBench.stop();
        System.out.println();
        GilBench.report();
        System.out.println();
        TimeitVsJmh.report();
        WorkerPool.shared().shutdown();
        System.exit(0);
    }

    /** Speedups need idle cores: say how busy the machine was when the run started. */
    private static String loadLine() {
        try {
            String[] load = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            double oneMinute = Double.parseDouble(load[0]);
            int cores = Runtime.getRuntime().availableProcessors();
            return "Load average " + load[0] + " on " + cores + " cores"
                    + (oneMinute > cores / 2.0 ? " — other work is running, speedups will read low" : "");
        } catch (java.io.IOException | RuntimeException e) {
            return "Load average unknown";
        }
    }

    private static long harness(RunOptions options, int tasks) throws Exception {
        RunResult result = Harness.execute(options.withTasks(tasks), PrimeCount.class.getName() + "#nothing",
                PrimeCount::nothing);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.summary());
        }
        return result.wallNanos();
    }

    private static long plainExecutor(int tasks) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> futures = new ArrayList<>();
        Callable<Object> nothing = PrimeCount::nothing;
        for (int task = 0; task < tasks; task++) {
            futures.add(pool.submit(nothing));
        }
        for (Future<Object> future : futures) {
            future.get();
        }
        pool.shutdown();
        return System.nanoTime() - start;
    }

    private static long plainRoundTrips() throws Exception {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket request = context.createSocket(SocketType.REQ);
            request.setReceiveTimeOut(30_000);
            int port = request.bindToRandomPort("tcp://127.0.0.1");
            Process server = new ProcessBuilder(JvmCommand.likeThisJvm().main(HarnessBench.class, "rep",
                    "tcp://127.0.0.1:" + port)).inheritIO().start();
            try {
                for (int warm = 0; warm < 1000; warm++) {
                    roundTrip(request, server);
                }
                long start = System.nanoTime();
                for (int trip = 0; trip < ROUND_TRIPS; trip++) {
                    roundTrip(request, server);
                }
                return System.nanoTime() - start;
            } finally {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private static void roundTrip(ZMQ.Socket request, Process server) {
        request.send("ping");
        if (request.recv() == null) {
            throw new IllegalStateException("the REP server JVM did not answer within 30 s ("
                    + (server.isAlive() ? "still running" : "exit code " + server.exitValue()) + ")");
        }
    }

    private static void replyForever(String endpoint) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        try (ZContext context = new ZContext()) {
            ZMQ.Socket reply = context.createSocket(SocketType.REP);
            reply.connect(endpoint);
            while (true) {
                reply.send(reply.recv());
            }
        }
    }

    private static double primes(Mode mode, int workers) throws Exception {
        RunOptions options = RunOptions.of(mode).withWorkers(workers).withTasks(2);
        String task = PrimeCount.class.getName() + "#share";
        Harness.execute(options, task, PrimeCount::share);
        List<Long> times = new ArrayList<>();
        Object expected = null;
        for (int run = 0; run < REPEAT; run++) {
            RunResult result = Harness.execute(options, task, PrimeCount::share);
            if (!result.succeeded()) {
                throw new IllegalStateException(result.summary());
            }
            expected = expected == null ? result.results() : expected;
            times.add(result.wallNanos());
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    private interface Timed {
        long nanos() throws Exception;
    }

    private static long best(Timed timed) throws Exception {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < REPEAT; run++) {
            best = Math.min(best, timed.nanos());
        }
        return best;
    }

    private static void row(String what, long nanos, int tasks) {
        System.out.printf(Locale.ROOT, "  %-42s %9.1f µs/task  (%d tasks in %.1f ms)%n", what, nanos / 1e3 / tasks,
                tasks, nanos / 1e6);
    }

    private static void report(Mode mode, double nanos, double serial) {
        int workers = mode == Mode.SERIAL ? 1 : 2;
        double speedup = serial / nanos;
        System.out.printf(Locale.ROOT, "  %-10s %8.1f ms   speedup %.2f×%s%n", mode.label(), nanos / 1e6, speedup,
                beyond(speedup, workers, Runtime.getRuntime().availableProcessors()));
    }

    /** Why a speedup above what the workers and cores allow is printed at all; empty when there is none. */
    static String beyond(double speedup, int workers, int cores) {
        if (speedup > cores * 1.05) {
            return "  (above the " + cores + " cores: not parallelism; the serial run was slowed by other work or the JIT)";
        }
        if (speedup > Math.min(workers, cores) * 1.05) {
            return "  (above " + Math.min(workers, cores) + "× with " + workers + " worker" + (workers == 1 ? "" : "s")
                    + ": noise of other work or the JIT, not parallelism)";
        }
        return "";
    }
}
