package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code %threads} and the interrupted cell name a two-lock deadlock with its cycle. Own runtime: the deadlock stays. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlockReportTest {

    private JShellInterpreter interpreter;

    @BeforeAll
    void start() {
        interpreter = new JShellInterpreter(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        interpreter.start();
    }

    @AfterAll
    void stop() {
        interpreter.shutdown(false);
    }

    private String text(ExecuteOutcome outcome) {
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        return outcome.result().data().get("text/plain").getAsString();
    }

    @Test
    void aDeadlockIsNamedByTheInterruptedCellAndByThreadsMagic() throws Exception {
        String before = text(interpreter.execute("%threads", new RecordingCell()));
        assertTrue(before.contains("No deadlock."), before);

        RecordingCell declaring = new RecordingCell();
        interpreter.execute("void nap(long ms) { try { Thread.sleep(ms); } catch (InterruptedException e) { } }\n"
                + "void meet(CountDownLatch both) { both.countDown(); try { both.await(); } catch (InterruptedException e) { } }",
                declaring);
        RecordingCell cell = new RecordingCell();
        CompletableFuture<ExecuteOutcome> running = CompletableFuture.supplyAsync(() -> interpreter.execute("""
                Object a = new Object(), b = new Object();
                var both = new CountDownLatch(2); // each holds its first lock before it takes the second
                Thread t1 = new Thread(() -> { synchronized (a) { meet(both); synchronized (b) { } } }, "left");
                Thread t2 = new Thread(() -> { synchronized (b) { meet(both); synchronized (a) { } } }, "right");
                t1.start(); t2.start();
                while (java.lang.management.ManagementFactory.getThreadMXBean().findDeadlockedThreads() == null) Thread.sleep(10);
                System.out.println("started");
                t1.join(); t2.join();
                """, cell));
        assertTrue(cell.awaitStdout("started", 60_000), "the deadlock formed");
        interpreter.interrupt();
        ExecuteOutcome outcome = running.get(90, TimeUnit.SECONDS);
        assertEquals("Interrupted", outcome.error().ename());
        String stderr = cell.stderr();
        assertTrue(stderr.contains("Deadlock: "), stderr);
        assertTrue(stderr.contains("\"left\" holds java.lang.Object@") && stderr.contains("held by \"right\""), stderr);
        assertTrue(stderr.contains("\"right\" holds java.lang.Object@") && stderr.contains("held by \"left\""), stderr);

        String report = text(interpreter.execute("%threads", new RecordingCell()));
        assertTrue(report.contains("\"left\" platform, BLOCKED, waits for java.lang.Object@"), report);
        assertTrue(report.contains("held by \"right\""), report);
        assertTrue(report.contains("at lambda (cell [" + cell.executionCount() + "] line 3)"), report);
        assertTrue(report.contains("Deadlock: "), report);
        interpreter.execute("Thread.ofVirtual().name(\"napper\").start(() -> nap(60_000));", new RecordingCell());
        // Started by the cell before, the napper may not have reached its sleep yet: look again until it has.
        String withVirtual = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!withVirtual.contains("\"napper\" virtual, TIMED_WAITING") && System.nanoTime() < deadline) {
            withVirtual = text(interpreter.execute("%threads", new RecordingCell()));
        }
        assertTrue(withVirtual.contains("\"napper\" virtual, TIMED_WAITING"), withVirtual);
        assertTrue(withVirtual.contains("at nap (cell [" + declaring.executionCount() + "] line 1)"), withVirtual);
        String lsmagic = text(interpreter.execute("%lsmagic", new RecordingCell()));
        assertTrue(lsmagic.contains("%threads"), lsmagic);
    }
}
