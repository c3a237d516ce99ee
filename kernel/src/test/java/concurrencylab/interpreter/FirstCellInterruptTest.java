package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An interrupt that comes while the first cell still waits for its runtime JVM to start. */
class FirstCellInterruptTest {

    @Test
    void interruptWhileTheEngineStartsOrBeforeTheCellBeginsEndsItWithoutRunningIt() throws Exception {
        JShellInterpreter interpreter = new JShellInterpreter(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        try {
            interpreter.start();
            RecordingCell cell = new RecordingCell();
            CompletableFuture<ExecuteOutcome> running = CompletableFuture.supplyAsync(
                    () -> interpreter.execute("System.out.println(\"ran\");\nwhile (true) { }", cell));
            Thread.sleep(150); // the runtime JVM takes a second or more to start
            long t0 = System.nanoTime();
            interpreter.interrupt();
            ExecuteOutcome outcome = running.get(30, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("Interrupted", outcome.error().ename());
            assertTrue(millis < 20_000, "the cell ended " + millis + " ms after the interrupt");
            assertTrue(!cell.stdout().contains("ran"), "the interrupted cell did not run: " + cell.stdout());
            ExecuteOutcome next = interpreter.execute("6 * 7", new RecordingCell());
            assertEquals("42", next.result().data().get("text/plain").getAsString(), "the next cell runs");

            RecordingCell early = new RecordingCell();
            early.interruptBeforeItBegins();
            ExecuteOutcome skipped = interpreter.execute("System.out.println(\"ran\");\nwhile (true) { }", early);
            assertEquals("Interrupted", skipped.error().ename(), "a cell interrupted before it began does not run");
            assertTrue(!early.stdout().contains("ran"), early.stdout());
        } finally {
            interpreter.shutdown(false);
        }
    }
}
