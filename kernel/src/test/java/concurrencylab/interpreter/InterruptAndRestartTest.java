package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Interrupts in both tiers, and recovery when the runtime JVM dies. Uses its own interpreter. */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterruptAndRestartTest {

    private JShellInterpreter interpreter;

    @BeforeAll
    void start() {
        interpreter = new JShellInterpreter(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1"));
        interpreter.start();
        ExecuteOutcome declared = interpreter.execute(
                "import java.util.function.IntUnaryOperator;\nint twice(int a) { return 2 * a; }\nrecord Pair(int a, int b) {}\nint counter = 41;",
                new RecordingCell());
        assertTrue(declared.succeeded());
        RecordingCell magicCell = new RecordingCell();
        ExecuteOutcome internal = interpreter.withinCell(magicCell,
                () -> interpreter.session().executeInternal("int kernelHelper() { return 1; }", magicCell));
        assertTrue(internal.succeeded());
    }

    @AfterAll
    void stop() {
        interpreter.shutdown(false);
    }

    /** Runs a cell on another thread, interrupts it once it printed "started", returns outcome and latency. */
    private record Interrupted(ExecuteOutcome outcome, long millis, RecordingCell cell) {
    }

    private Interrupted interruptAfterStart(String code) throws Exception {
        RecordingCell cell = new RecordingCell();
        CompletableFuture<ExecuteOutcome> running = CompletableFuture.supplyAsync(() -> interpreter.execute(code, cell));
        assertTrue(cell.awaitStdout("started", 30_000), "the cell started");
        long t0 = System.nanoTime();
        interpreter.interrupt();
        ExecuteOutcome outcome = running.get();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("interrupt latency for " + code.lines().reduce((a, b) -> b).orElse("") + ": " + millis + " ms");
        return new Interrupted(outcome, millis, cell);
    }

    @Test
    @Order(1)
    void tightLoopStopsQuickly() throws Exception {
        Interrupted result = interruptAfterStart("long n = 0;\nwhile (true) { if (n++ == 0) System.out.println(\"started\"); }");
        assertEquals("Interrupted", result.outcome().error().ename());
        assertStoppedByTierOne(result);
        assertEquals("42", interpreter.execute("counter + 1", new RecordingCell()).result().data().get("text/plain").getAsString(),
                "variables survive a tier-1 interrupt");
    }

    @Test
    @Order(2)
    void sleepingThreadsOfTheCellAreInterrupted() throws Exception {
        Interrupted result = interruptAfterStart("{ System.out.println(\"started\"); Thread.sleep(60_000); }");
        assertStoppedByTierOne(result);
    }

    /** Tier 1 ended the cell: the runtime was not killed (how fast is a figure for bench/kernel). */
    private static void assertStoppedByTierOne(Interrupted result) {
        assertEquals("Interrupted", result.outcome().error().ename());
        assertTrue(!result.outcome().error().evalue().contains("was killed"), result.outcome().error().evalue());
        assertTrue(!result.cell().stderr().contains("Runtime restarted"), "no restart was needed: " + result.cell().stderr());
    }

    @Test
    @Order(3)
    void loopInsideJdkCodeRestartsTheRuntimeAndReplaysDeclarations() throws Exception {
        Interrupted result = interruptAfterStart(
                "long spin() { System.out.println(\"started\"); return LongStream.range(0, Long.MAX_VALUE).sum(); }\nspin()");
        assertEquals("Interrupted", result.outcome().error().ename());
        String stderr = result.cell().stderr();
        assertTrue(stderr.contains("Runtime restarted"), stderr);
        assertTrue(stderr.contains("twice") && stderr.contains("Pair"), stderr);
        assertTrue(stderr.contains("counter"), stderr);
        assertTrue(!stderr.contains("kernelHelper"), "kernel-generated code is not replayed: " + stderr);
        ExecuteOutcome after = interpreter.execute("twice(21) + new Pair(1, 2).b()", new RecordingCell());
        assertEquals("44", after.result().data().get("text/plain").getAsString());
        assertEquals("0", interpreter.execute("counter", new RecordingCell()).result().data().get("text/plain").getAsString(),
                "variables come back declared but without their values");
    }

    @Test
    @Order(4)
    void systemExitIsReportedAndTheNextCellWorks() {
        // A redefinition keeps its snippet id: the replay has the latest form once, after what it uses.
        assertTrue(interpreter.execute("int shift = 1;\nint thrice(int a) { return 2 * a; }\n1 + 1", new RecordingCell()).succeeded());
        assertTrue(interpreter.execute("int thrice(int a) { return 3 * a + shift; }", new RecordingCell()).succeeded());
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("System.exit(7);", cell);
        assertEquals("RuntimeDied", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("exit code 7"), outcome.error().evalue());
        assertTrue(cell.stderr().contains("Runtime restarted"), cell.stderr());
        assertEquals(1, cell.stderr().split("thrice", -1).length - 1, cell.stderr());
        assertTrue(!cell.stderr().contains("Could not declare again"), cell.stderr());
        ExecuteOutcome after = interpreter.execute("twice(5)", new RecordingCell());
        assertEquals("10", after.result().data().get("text/plain").getAsString());
        assertEquals("6", interpreter.execute("thrice(2)", new RecordingCell()).result().data().get("text/plain").getAsString());
    }

    @Test
    @Order(5)
    void runningOutOfMemoryRestartsTheRuntime() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);", cell);
        assertEquals("RuntimeDied", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("out of memory"), outcome.error().evalue());
        assertTrue(outcome.error().evalue().contains("CONCURRENCY_LAB_RUNTIME_OPTS=-Xmx"), outcome.error().evalue());
        assertEquals("6", interpreter.execute("twice(3)", new RecordingCell()).result().data().get("text/plain").getAsString());
    }

    @Test
    @Order(5)
    void exitCodeThreeIsAnExitNotRunningOutOfMemory() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("System.exit(3);", cell);
        assertEquals("RuntimeDied", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("(exit code 3)"), outcome.error().evalue());
        assertTrue(!outcome.error().evalue().contains("memory"), outcome.error().evalue());
        assertEquals("4", interpreter.execute("twice(2)", new RecordingCell()).result().data().get("text/plain").getAsString());
    }

    @Test
    @Order(6)
    void runtimeEndingBetweenCellsIsReportedByTheNextCell() throws Exception {
        RecordingCell cell = new RecordingCell();
        interpreter.execute("new Thread(() -> { try { Thread.sleep(100); } catch (InterruptedException e) {} System.exit(9); }).start();", cell);
        assertTrue(interpreter.awaitRuntimeExit(30_000), "the runtime exited");
        RecordingCell next = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("twice(4)", next);
        assertEquals("8", outcome.result().data().get("text/plain").getAsString());
        assertTrue(next.stderr().contains("ended after the previous cell (exit code 9)"), next.stderr());
    }

    /** Below this, the runtime counts as quiet: an idle one uses about 0.01 core. */
    private static final double QUIET_CORES = 0.15;

    /**
     * Cores the runtime JVM keeps busy over one second (1.0 = one core flat out), measured again until
     * it is quiet or 30 s have passed: a thread left spinning never lets it drop, a passing burst does.
     */
    private double runtimeBusyCoresOnceSettled() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double busy;
        do {
            ProcessHandle runtime = interpreter.runtimeProcess();
            long before = runtime.info().totalCpuDuration().orElseThrow().toNanos();
            long t0 = System.nanoTime();
            Thread.sleep(1_000);
            long after = runtime.info().totalCpuDuration().orElseThrow().toNanos();
            busy = (double) (after - before) / (System.nanoTime() - t0);
        } while (busy >= QUIET_CORES && System.nanoTime() < deadline);
        return busy;
    }

    @Test
    @Order(7)
    void spinningVirtualThreadsStayStoppedWhenTheNextCellStartsAtOnce() throws Exception {
        Interrupted result = interruptAfterStart("""
                var threads = new ArrayList<Thread>();
                for (int i = 0; i < 10_000; i++) threads.add(Thread.ofVirtual().start(() -> { while (true) { } }));
                System.out.println("started");
                for (var t : threads) t.join();
                """);
        assertEquals("Interrupted", result.outcome().error().ename());
        assertEquals("10", interpreter.execute("twice(5)", new RecordingCell()).result().data().get("text/plain").getAsString());
        double busy = runtimeBusyCoresOnceSettled();
        assertTrue(busy < QUIET_CORES, busy + " cores still busy after the next cell ran");
    }

    @Test
    @Order(18)
    void aPoolThreadLoopingInsideJdkCodeGetsTheRuntimeRestartedSoonAfterTheInterrupt() throws Exception {
        Interrupted result = interruptAfterStart("""
                var pool = Executors.newSingleThreadExecutor();
                pool.submit(() -> LongStream.range(0, Long.MAX_VALUE).sum());
                System.out.println("started");
                Thread.sleep(60_000);
                """);
        assertEquals("Interrupted", result.outcome().error().ename());
        assertTrue(!result.outcome().error().evalue().contains("was killed"), "tier 1 ended the cell itself: " + result.outcome().error().evalue());
        assertTrue(result.cell().awaitStderr("Runtime restarted", 30_000), "stderr: " + result.cell().stderr());
        assertTrue(result.cell().stderr().contains("cores busy"), result.cell().stderr());
        double busy = runtimeBusyCoresOnceSettled();
        assertTrue(busy < QUIET_CORES, busy + " cores still busy");
        assertEquals("10", interpreter.execute("twice(5)", new RecordingCell()).result().data().get("text/plain").getAsString());
    }

    @Test
    @Order(19)
    void aCellStartedRightAfterTheInterruptIsNotKilledByTheWatch() throws Exception {
        Interrupted result = interruptAfterStart("""
                var pool = Executors.newSingleThreadExecutor();
                pool.submit(() -> LongStream.range(0, Long.MAX_VALUE).sum());
                System.out.println("started");
                Thread.sleep(60_000);
                """);
        assertEquals("Interrupted", result.outcome().error().ename());
        RecordingCell next = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("long t = System.nanoTime(); while (System.nanoTime() - t < 2_000_000_000L) { }\ntwice(6)", next);
        assertTrue(outcome.succeeded(), () -> outcome.error() + "; stderr: " + next.stderr());
        assertEquals("12", outcome.result().data().get("text/plain").getAsString(), "stderr: " + next.stderr());
        assertTrue(!result.cell().stderr().contains("Runtime restarted"), result.cell().stderr());
        interpreter.execute("pool.shutdownNow()", new RecordingCell());
    }

    @Test
    @Order(8)
    void anInterruptWhileNoCellRunsStopsTheThreadsEarlierCellsLeftRunningAndTheNextCellSaysWhich() throws Exception {
        interpreter.execute("""
                var spinner = new Thread(() -> { long n = 0; while (true) n++; }, "spinner");
                var napper = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }, "napper");
                spinner.start(); napper.start();
                """, new RecordingCell());
        interpreter.interrupt(); // no cell runs now
        StringBuilder told = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String alive = "true";
        while (alive.equals("true") && System.nanoTime() < deadline) {
            RecordingCell probe = new RecordingCell();
            alive = interpreter.execute("spinner.isAlive() || napper.isAlive()", probe).result().data().get("text/plain").getAsString();
            told.append(probe.stderr());
        }
        assertEquals("false", alive, "both threads ended after the interrupt");
        assertTrue(told.toString().contains("stopped 2 threads (\"spinner\", \"napper\")"), told.toString());
        assertTrue(runtimeBusyCoresOnceSettled() < QUIET_CORES, "no core stays busy");
        assertEquals("10", interpreter.execute("twice(5)", new RecordingCell()).result().data().get("text/plain").getAsString(),
                "declarations survive: the runtime was not restarted");
    }

    @Test
    @Order(9)
    void threadsStopStopsWhatEarlierCellsLeftRunning() throws Exception {
        interpreter.execute("""
                var napper2 = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }, "napper2");
                napper2.start();
                """, new RecordingCell());
        ExecuteOutcome stopped = interpreter.execute("%threads --stop", new RecordingCell());
        assertEquals("Stopped 1 thread (\"napper2\").", stopped.result().data().get("text/plain").getAsString());
        assertEquals("false", interpreter.execute("napper2.join(30_000); napper2.isAlive()", new RecordingCell())
                .result().data().get("text/plain").getAsString());
        assertEquals("No thread left running by earlier cells.",
                interpreter.execute("%threads --stop", new RecordingCell()).result().data().get("text/plain").getAsString());
    }
}
