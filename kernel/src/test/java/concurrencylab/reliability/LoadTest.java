package concurrencylab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.protocol.Message;
import concurrencylab.testing.KernelClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Load on one kernel: memory and latency stay bounded, nothing is lost. Prints RELIABILITY rows. */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadTest {

    private RunningKernel kernel;

    @BeforeAll
    void start() throws Exception {
        kernel = new RunningKernel();
    }

    @AfterAll
    void stop() throws Exception {
        kernel.close();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    @Order(1)
    void aThousandCellsInARow() throws Exception {
        int cells = Integer.getInteger("reliability.cells", 1000);
        kernel.ok("int counter = 0;");
        long[] micros = new long[cells];
        long rssBefore = RunningKernel.runtimeRssMib();
        for (int i = 0; i < cells; i++) {
            long t0 = System.nanoTime();
            String result = kernel.ok("counter += 1");
            micros[i] = (System.nanoTime() - t0) / 1000;
            assertEquals(Integer.toString(i + 1), result);
        }
        long rssAfter = RunningKernel.runtimeRssMib();
        long first = median(Arrays.copyOfRange(micros, 0, 100));
        long last = median(Arrays.copyOfRange(micros, cells - 100, cells));
        Runtime jvm = Runtime.getRuntime();
        long kernelHeapMib = (jvm.totalMemory() - jvm.freeMemory()) >> 20;
        KernelClient.Exchange probe = kernel.run("counter");
        assertEquals("ok", probe.reply().content().get("status").getAsString());
        // Latency drift is a figure, not a test: bench/kernel measures it beside JShell's own eval in the
        // same run, where a loaded machine cannot turn it into a failure.
        LatencyRow.report(cells, first, last, rssBefore, rssAfter, kernelHeapMib);
    }

    /** The figure for docs/reliability.md, kept apart from the assertion. */
    private record LatencyRow() {
        static void report(int cells, long firstMicros, long lastMicros, long rssBefore, long rssAfter, long kernelHeapMib) {
            FaultMatrixTest.report(cells + " cells in a row", String.format(
                    "median latency of the first 100: %.1f ms, of the last 100: %.1f ms; runtime RSS %d -> %d MiB; kernel heap in use %d MiB",
                    firstMicros / 1000.0, lastMicros / 1000.0, rssBefore, rssAfter, kernelHeapMib));
        }
    }

    @Test
    @Order(2)
    void eightThreadsTimesTenThousandLinesAllArriveInOrder() throws Exception {
        KernelClient.Exchange cell = kernel.run("""
                var threads = new ArrayList<Thread>();
                for (int t = 0; t < 8; t++) {
                    int id = t;
                    threads.add(new Thread(() -> { for (int i = 0; i < 10_000; i++) System.out.println(id + ":" + i); }));
                }
                threads.forEach(Thread::start);
                for (var t : threads) t.join();
                """);
        assertEquals("ok", cell.reply().content().get("status").getAsString());
        int[] next = new int[8];
        int lines = 0;
        for (String line : cell.stdout().split("\n")) {
            String[] parts = line.split(":");
            int thread = Integer.parseInt(parts[0]);
            assertEquals(next[thread], Integer.parseInt(parts[1]), "order of thread " + thread);
            next[thread]++;
            lines++;
        }
        assertEquals(80_000, lines);
        FaultMatrixTest.report("8 threads x 10,000 lines", lines + " of 80,000 lines arrived, in order per thread, in "
                + cell.ofType("stream").size() + " stream messages");
    }

    @Test
    @Order(3)
    void hundredMegabytesOfOutputAreTruncatedAndTheKernelStaysResponsive() throws Exception {
        long t0 = System.nanoTime();
        KernelClient.Exchange cell = kernel.run("""
                String line = "x".repeat(1023);
                for (int i = 0; i < 100 * 1024; i++) System.out.println(line);
                """);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("ok", cell.reply().content().get("status").getAsString());
        long shown = cell.stdout().length();
        assertTrue(shown <= 17L << 20, "shown " + shown);
        assertTrue(cell.stderr().contains("output truncated"), "the cell says its output was truncated");
        long t1 = System.nanoTime();
        kernel.ok("1 + 1");
        long nextMillis = (System.nanoTime() - t1) / 1_000_000;
        Runtime jvm = Runtime.getRuntime();
        FaultMatrixTest.report("100 MB printed in one cell", String.format(
                "%d MiB shown then a truncation note; cell took %d ms; next cell answered in %d ms; kernel heap in use %d MiB",
                shown >> 20, millis, nextMillis, (jvm.totalMemory() - jvm.freeMemory()) >> 20));
    }

    @Test
    @Order(4)
    void twentyMegabyteImage() throws Exception {
        KernelClient.Exchange cell = kernel.run("""
                var image = new java.awt.image.BufferedImage(2600, 2000, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                var random = new java.util.Random(1);
                for (int y = 0; y < 2000; y++) for (int x = 0; x < 2600; x++) image.setRGB(x, y, random.nextInt());
                display(image);
                """);
        assertEquals("ok", cell.reply().content().get("status").getAsString(), cell.reply().content().toString());
        List<Message> displays = cell.ofType("display_data");
        assertEquals(1, displays.size());
        int base64 = displays.get(0).content().getAsJsonObject("data").get("image/png").getAsString().length();
        assertTrue(base64 > 20_000_000, "PNG of random pixels is large: " + base64);
        FaultMatrixTest.report("20 MB image displayed", String.format("%.1f MB of base64 PNG delivered in one display_data", base64 / 1e6));
    }

    @Test
    @Order(5)
    void aThousandDisplayUpdatesPerSecondFromWorkerThreads() throws Exception {
        long t0 = System.nanoTime();
        KernelClient.Exchange cell = kernel.run("""
                String id = display("0");
                var pool = Executors.newFixedThreadPool(4);
                for (int i = 1; i <= 1000; i++) { int k = i; pool.submit(() -> updateDisplay(id, "update " + k)); }
                pool.shutdown();
                pool.awaitTermination(30, TimeUnit.SECONDS);
                """);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("ok", cell.reply().content().get("status").getAsString(), cell.reply().content().toString());
        List<Message> updates = cell.ofType("update_display_data");
        List<String> seen = new ArrayList<>();
        updates.forEach(m -> seen.add(m.content().getAsJsonObject("data").get("text/plain").getAsString()));
        assertEquals(1000, updates.size(), "every update arrives");
        assertTrue(seen.contains("update 1000"));
        FaultMatrixTest.report("1,000 updateDisplay calls from 4 worker threads",
                updates.size() + " update_display_data messages in " + millis + " ms (" + (1000L * updates.size() / Math.max(1, millis)) + "/s)");
    }
}
