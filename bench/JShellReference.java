import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import jdk.jshell.JShell;

/**
 * The reference bench/kernel compares the kernel with: JShell's own eval of {@code 1+1}, in this
 * process, with JShell's local execution engine (no second JVM, no sockets, no Jupyter). Launched
 * as a single source file with the kernel's JDK and that JDK's default JVM flags; not part of the product.
 *
 * <p>The JIT is warmed first by {@value #JIT_WARM_UP} evals in a JShell that is then closed; then a fresh JShell
 * gets 5 untimed evals and CELLS timed ones. With the JVM's default flags the JIT's second tier is still
 * compiling javac by then (the CPU per eval, which counts the compiler threads, reads well above the eval's time),
 * so that figure is JShell as a user meets it in its first minutes, not a fully compiled JShell.
 * {@code java bench/JShellReference.java warm CELLS} prints their median and p90; {@code drift CELLS}
 * also prints the median of the first and the last 50 and this JVM's RSS after 50 and after CELLS evals.
 * Both print the CPU time of the whole process per timed eval, as one JSON object on stdout.
 * {@code serve} times evals on demand, so that bench/kernel can interleave them with the kernel's cells
 * and both meet the same moments of a noisy machine: after the warm-up it reads a count N per line of
 * stdin, runs N timed evals in the same JShell, and answers with one JSON line of their times.
 */
public class JShellReference {

    private static final int JIT_WARM_UP = 200;
    private static final int WARM_UP = 5;
    private static final int BLOCK = 50;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        warmUpTheJit();
        if (mode.equals("serve")) {
            serve();
            return;
        }
        int cells = Integer.parseInt(args[1]);
        try (JShell jshell = create()) {
            for (int i = 0; i < WARM_UP; i++) {
                eval(jshell);
            }
            double[] millis = new double[cells];
            long rssEarly = -1;
            long cpuStart = cpuNanos();
            for (int i = 0; i < cells; i++) {
                long start = System.nanoTime();
                eval(jshell);
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (i == BLOCK - 1) {
                    rssEarly = rssBytes();
                }
            }
            long cpu = cpuNanos() - cpuStart;
            StringBuilder json = new StringBuilder("{");
            json.append(field("cpu_ms_per_cell", cpu / 1e6 / cells)).append(", ");
            json.append(field("median_ms", median(millis, 0, cells)));
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            json.append(", ").append(field("p90_ms", sorted[(int) (0.9 * (cells - 1))]));
            if (mode.equals("drift") && cells >= 2 * BLOCK) {
                json.append(", ").append(field("early_ms", median(millis, 0, BLOCK)));
                json.append(", ").append(field("late_ms", median(millis, cells - BLOCK, cells)));
                json.append(", ").append(field("rss_early_mib", rssEarly / 1048576.0));
                json.append(", ").append(field("rss_late_mib", rssBytes() / 1048576.0));
            }
            System.out.println(json.append("}"));
        }
    }

    private static void warmUpTheJit() {
        try (JShell throwaway = create()) {
            for (int i = 0; i < JIT_WARM_UP; i++) {
                eval(throwaway);
            }
        }
        System.gc();
    }

    private static void serve() throws Exception {
        java.io.BufferedReader requests = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        try (JShell jshell = create()) {
            for (int i = 0; i < WARM_UP; i++) {
                eval(jshell);
            }
            for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                int count = Integer.parseInt(line.strip());
                StringBuilder millis = new StringBuilder();
                long cpuStart = cpuNanos();
                for (int i = 0; i < count; i++) {
                    long start = System.nanoTime();
                    eval(jshell);
                    double elapsed = (System.nanoTime() - start) / 1e6;
                    millis.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", elapsed));
                }
                double cpu = (cpuNanos() - cpuStart) / 1e6;
                System.out.println("{\"millis\": [" + millis + "], " + field("cpu_ms", cpu) + "}");
                System.out.flush();
            }
        }
    }

    private static JShell create() {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        return JShell.builder()
                .executionEngine("local")
                .in(InputStream.nullInputStream())
                .out(discard)
                .err(discard)
                .build();
    }

    private static void eval(JShell jshell) {
        var events = jshell.eval("1+1");
        if (events.isEmpty() || !"2".equals(events.get(0).value())) {
            throw new IllegalStateException("1+1 did not evaluate to 2: " + events);
        }
    }

    private static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        int n = part.length;
        return n % 2 == 1 ? part[n / 2] : (part[n / 2 - 1] + part[n / 2]) / 2;
    }

    /** CPU time of this whole process (all its threads: JIT and GC included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Resident set size of this process (VmRSS in /proc/self/status). */
    private static long rssBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private static String field(String name, double value) {
        return String.format(Locale.ROOT, "\"%s\": %.3f", name, value);
    }
}
