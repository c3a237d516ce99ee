package concurrencylab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.protocol.Header;
import concurrencylab.testing.KernelClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The faults a student's cell can cause, one after another on one kernel: after each, the next cell
 * runs, earlier declarations still work, no core stays busy. Each row prints its figure
 * ({@code RELIABILITY | row | figure}) for docs/reliability.md.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixTest {

    private RunningKernel kernel;

    @BeforeAll
    void start() throws Exception {
        kernel = new RunningKernel();
        kernel.ok("import java.util.stream.LongStream;\nint twice(int x) { return 2 * x; }\nrecord Point(int x, int y) {}");
    }

    @AfterAll
    void stop() throws Exception {
        kernel.close();
    }

    static void report(String row, String figure) {
        System.out.println("RELIABILITY | " + row + " | " + figure);
    }

    /** Below this, a runtime counts as quiet: an idle one uses about 0.01 core. */
    private static final double QUIET_CORES = 0.15;
    /** How long a runtime may take to become quiet after a fault: generous, for a loaded machine. */
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(30);

    /** The kernel answers, earlier declarations work, and no core is left busy. */
    private void assertHealthy(String row) throws Exception {
        assertEquals("42", kernel.ok("twice(21)"), row + ": declarations work afterwards");
        assertEquals("Point[x=1, y=2]", kernel.ok("new Point(1, 2)"), row + ": records work afterwards");
        double busy = kernel.awaitQuiet(QUIET_CORES, QUIET_WITHIN);
        assertTrue(busy < QUIET_CORES, row + ": " + busy + " cores still busy");
    }

    /** Runs a failing cell; returns the error reply and how long until the kernel answered the next cell. */
    private long failThenRecover(String row, String code) throws Exception {
        long t0 = System.nanoTime();
        KernelClient.Exchange failed = kernel.run(code);
        assertEquals("error", failed.reply().content().get("status").getAsString(), row + ": " + failed.reply().content());
        kernel.ok("1");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String said = failed.reply().content().get("ename").getAsString() + ": " + failed.reply().content().get("evalue").getAsString();
        report(row, "cell said \"" + said.lines().findFirst().orElse("") + "\"; next cell answered after " + millis + " ms");
        assertHealthy(row);
        return millis;
    }

    @Test
    @Order(1)
    void systemExit() throws Exception {
        failThenRecover("System.exit(7)", "System.exit(7)");
    }

    @Test
    @Order(2)
    void halt() throws Exception {
        failThenRecover("Runtime.halt(4)", "Runtime.getRuntime().halt(4)");
    }

    @Test
    @Order(3)
    void outOfMemory() throws Exception {
        failThenRecover("OutOfMemoryError", "var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);");
    }

    @Test
    @Order(4)
    void stackOverflow() throws Exception {
        kernel.ok("int down(int n) { return down(n + 1) + 1; }");
        KernelClient.Exchange failed = kernel.run("down(0)");
        assertTrue(failed.reply().content().get("ename").getAsString().contains("StackOverflowError"), failed.reply().content().toString());
        report("StackOverflowError", "reported as an exception in the cell; the runtime survives");
        assertHealthy("StackOverflowError");
    }

    /** Starts code that prints "started" once it is in the state the row is about, and waits for that line. */
    private Header startAndAwaitStarted(String row, String code) throws Exception {
        Header running = kernel.start(code);
        var started = kernel.client.awaitIopub(m -> m.type().equals("stream")
                && running.msgId().equals(KernelClient.parentOf(m))
                && m.content().get("text").getAsString().contains("started"), Duration.ofSeconds(60));
        if (started == null) {
            kernel.interruptAndAwait(running); // leave the kernel free for the rows after this one
        }
        assertTrue(started != null, row + ": the cell never got going");
        return running;
    }

    private RunningKernel.Timed interruptRow(String row, String code, long withinMillis) throws Exception {
        Header running = startAndAwaitStarted(row, code);
        RunningKernel.Timed stopped = kernel.interruptAndAwait(running);
        assertTrue(stopped.exchange() != null, row + ": the cell never answered");
        assertEquals("error", stopped.exchange().reply().content().get("status").getAsString());
        // A bound that proves the cell ends; the figure itself is reported, not held to a target here.
        assertTrue(stopped.millis() <= withinMillis, row + ": took " + stopped.millis() + " ms");
        String said = stopped.exchange().reply().content().get("ename").getAsString();
        report(row, "stopped " + stopped.millis() + " ms after interrupt_request (" + said + ")");
        assertHealthy(row);
        return stopped;
    }

    @Test
    @Order(5)
    void loopInsideJdkCode() throws Exception {
        interruptRow("loop inside JDK code, interrupt", "System.out.println(\"started\");\nLongStream.range(0, Long.MAX_VALUE).sum()", 90_000);
    }

    @Test
    @Order(6)
    void monitorDeadlock() throws Exception {
        // Each thread takes its first lock, then waits for the other to take its own: a deadlock every time.
        kernel.ok("void bothHold(CountDownLatch held) { held.countDown(); try { held.await(); } catch (InterruptedException e) { } }");
        RunningKernel.Timed stopped = interruptRow("monitor deadlock, interrupt", """
                Object a = new Object(), b = new Object();
                var held = new CountDownLatch(2);
                Thread t1 = new Thread(() -> { synchronized (a) { bothHold(held); synchronized (b) { } } });
                Thread t2 = new Thread(() -> { synchronized (b) { bothHold(held); synchronized (a) { } } });
                t1.start(); t2.start();
                while (java.lang.management.ManagementFactory.getThreadMXBean().findDeadlockedThreads() == null) Thread.sleep(10);
                System.out.println("started");
                t1.join(); t2.join();
                """, 90_000);
        String deadlock = stopped.exchange().stderr().lines().filter(l -> l.startsWith("Deadlock: ")).findFirst().orElse(null);
        assertTrue(deadlock != null, "the interrupted cell names the deadlock: " + stopped.exchange().stderr());
        report("monitor deadlock, interrupt", "the cell's stderr says: " + deadlock);
        String threads = kernel.ok("%threads");
        assertTrue(threads.contains("BLOCKED") && threads.contains("Deadlock: "), threads);
    }

    @Test
    @Order(7)
    void poolOfSpinningTasks() throws Exception {
        interruptRow("pool of spinning tasks, interrupt", """
                var pool = Executors.newFixedThreadPool(4);
                var futures = new ArrayList<Future<?>>();
                for (int i = 0; i < 4; i++) futures.add(pool.submit(() -> { while (true) { } }));
                System.out.println("started");
                for (var f : futures) f.get();
                """, 90_000);
    }

    @Test
    @Order(8)
    void tenThousandSpinningVirtualThreads() throws Exception {
        interruptRow("10,000 spinning virtual threads, interrupt", """
                var threads = new ArrayList<Thread>();
                for (int i = 0; i < 10_000; i++) threads.add(Thread.ofVirtual().start(() -> { while (true) { } }));
                System.out.println("started");
                for (var t : threads) t.join();
                """, 90_000);
    }

    @Test
    @Order(9)
    void poolThreadLoopingInsideJdkCode() throws Exception {
        String row = "pool thread looping inside JDK code, interrupt";
        Header running = startAndAwaitStarted(row, """
                var lone = Executors.newSingleThreadExecutor();
                lone.submit(() -> LongStream.range(0, Long.MAX_VALUE).sum());
                System.out.println("started");
                Thread.sleep(60_000);
                """);
        RunningKernel.Timed stopped = kernel.interruptAndAwait(running);
        assertEquals("Interrupted", stopped.exchange().reply().content().get("ename").getAsString());
        long t0 = System.nanoTime() - stopped.millis() * 1_000_000;
        var told = kernel.client.awaitIopub(m -> m.type().equals("stream")
                && running.msgId().equals(KernelClient.parentOf(m))
                && m.content().get("text").getAsString().contains("Runtime restarted"), Duration.ofSeconds(30));
        long restartedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(told != null, row + ": the interrupted cell was told of the restart");
        double busy = kernel.awaitQuiet(QUIET_CORES, QUIET_WITHIN);
        long quietMillis = (System.nanoTime() - t0) / 1_000_000;
        report(row, "cell stopped after " + stopped.millis() + " ms; runtime restarted after " + restartedMillis
                + " ms; " + String.format(java.util.Locale.ROOT, "%.2f", busy) + " cores busy in the second up to " + quietMillis + " ms");
        assertTrue(busy < QUIET_CORES, row + ": " + busy + " cores still busy after " + quietMillis + " ms");
        assertHealthy(row);
    }

    @Test
    @Order(10)
    void runtimeKilledBetweenCells() throws Exception {
        ProcessHandle runtime = kernel.runtime();
        runtime.destroyForcibly();
        RunningKernel.awaitExit(runtime);
        long t0 = System.nanoTime();
        KernelClient.Exchange next = kernel.run("twice(21)");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        report("runtime SIGKILLed between cells", "next cell " + next.reply().content().get("status").getAsString()
                + " after " + millis + " ms; stderr: " + next.stderr().lines().findFirst().orElse("(none)"));
        assertHealthy("runtime SIGKILLed between cells");
    }

    @Test
    @Order(11)
    void runtimeKilledDuringACell() throws Exception {
        ProcessHandle runtime = kernel.runtime();
        Header running = startAndAwaitStarted("runtime SIGKILLed during a cell", "System.out.println(\"started\");\nThread.sleep(60_000)");
        long t0 = System.nanoTime();
        runtime.destroyForcibly();
        KernelClient.Exchange ended = kernel.await(running, Duration.ofSeconds(90));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("error", ended.reply().content().get("status").getAsString());
        report("runtime SIGKILLed during a cell", "cell ended with " + ended.reply().content().get("ename").getAsString()
                + " after " + millis + " ms");
        assertHealthy("runtime SIGKILLed during a cell");
    }

    @Test
    @Order(12)
    void fiftyInterruptsInARow() throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Header running = kernel.start("while (true) { }");
            Thread.sleep(40);
            RunningKernel.Timed stopped = kernel.interruptAndAwait(running);
            assertTrue(stopped.exchange() != null, "interrupt " + i + " answered");
            latencies.add(stopped.millis());
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        report("50 interrupts while cells run", "median " + sorted.get(25) + " ms, max " + sorted.get(49) + " ms");
        assertHealthy("50 interrupts");
    }
}
