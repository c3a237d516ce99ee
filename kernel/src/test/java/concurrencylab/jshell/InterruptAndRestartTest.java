package concurrencylab.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.core.ExecuteOutcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Interrupts in both tiers, and recovery when the runtime JVM dies. Uses its own interpreter. */
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
        ExecuteOutcome internal = interpreter.session().executeInternal("int kernelHelper() { return 1; }", new RecordingCell());
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
        assertTrue(cell.awaitStdout("started", 10_000), "the cell started");
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
        assertTrue(result.millis() < EngineSupervisor.KILL_AFTER_MILLIS, "tier 1 stopped the loop, took " + result.millis() + " ms");
        assertTrue(!result.cell().stderr().contains("Runtime restarted"), "no restart was needed");
        assertEquals("42", interpreter.execute("counter + 1", new RecordingCell()).result().data().get("text/plain").getAsString(),
                "variables survive a tier-1 interrupt");
    }

    @Test
    @Order(2)
    void sleepingThreadsOfTheCellAreInterrupted() throws Exception {
        Interrupted result = interruptAfterStart("{ System.out.println(\"started\"); Thread.sleep(60_000); }");
        assertEquals("Interrupted", result.outcome().error().ename());
        assertTrue(result.millis() < EngineSupervisor.KILL_AFTER_MILLIS, "took " + result.millis() + " ms");
    }

    @Test
    @Order(3)
    void loopInsideJdkCodeRestartsTheRuntimeAndReplaysDeclarations() throws Exception {
        Interrupted result = interruptAfterStart(
                "long spin() { System.out.println(\"started\"); return LongStream.range(0, Long.MAX_VALUE).sum(); }\nspin()");
        assertEquals("Interrupted", result.outcome().error().ename());
        assertTrue(result.millis() < 10_000, "took " + result.millis() + " ms"); // the figure itself is measured by bench/kernel and the reliability rows
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
        assertEquals("6", interpreter.execute("twice(3)", new RecordingCell()).result().data().get("text/plain").getAsString());
    }

    @Test
    @Order(6)
    void runtimeEndingBetweenCellsIsReportedByTheNextCell() throws Exception {
        RecordingCell cell = new RecordingCell();
        interpreter.execute("new Thread(() -> { try { Thread.sleep(100); } catch (InterruptedException e) {} System.exit(9); }).start();", cell);
        assertTrue(interpreter.awaitRuntimeExit(10_000), "the runtime exited");
        RecordingCell next = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("twice(4)", next);
        assertEquals("8", outcome.result().data().get("text/plain").getAsString());
        assertTrue(next.stderr().contains("ended after the previous cell (exit code 9)"), next.stderr());
    }

    /** Cores the runtime JVM keeps busy over the next second (1.0 = one core flat out). */
    private double runtimeBusyCores() throws InterruptedException {
        ProcessHandle runtime = interpreter.runtimeProcess();
        long before = runtime.info().totalCpuDuration().orElseThrow().toNanos();
        long t0 = System.nanoTime();
        Thread.sleep(1_000);
        long after = runtime.info().totalCpuDuration().orElseThrow().toNanos();
        return (double) (after - before) / (System.nanoTime() - t0);
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
        double busy = runtimeBusyCores();
        assertTrue(busy < 0.15, busy + " cores still busy after the next cell ran");
    }

    @Test
    @Order(8)
    void aPoolThreadLoopingInsideJdkCodeGetsTheRuntimeRestartedSoonAfterTheInterrupt() throws Exception {
        Interrupted result = interruptAfterStart("""
                var pool = Executors.newSingleThreadExecutor();
                pool.submit(() -> LongStream.range(0, Long.MAX_VALUE).sum());
                System.out.println("started");
                Thread.sleep(60_000);
                """);
        assertEquals("Interrupted", result.outcome().error().ename());
        assertTrue(result.millis() < EngineSupervisor.KILL_AFTER_MILLIS, "tier 1 ended the cell itself, took " + result.millis() + " ms");
        assertTrue(result.cell().awaitStderr("Runtime restarted", 3_000), "stderr: " + result.cell().stderr());
        assertTrue(result.cell().stderr().contains("cores busy"), result.cell().stderr());
        double busy = runtimeBusyCores();
        assertTrue(busy < 0.15, busy + " cores still busy");
        assertEquals("10", interpreter.execute("twice(5)", new RecordingCell()).result().data().get("text/plain").getAsString());
    }

    @Test
    @Order(9)
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
        assertEquals("12", outcome.result().data().get("text/plain").getAsString(), "stderr: " + next.stderr());
        assertTrue(!result.cell().stderr().contains("Runtime restarted"), result.cell().stderr());
        interpreter.execute("pool.shutdownNow()", new RecordingCell());
    }
}
