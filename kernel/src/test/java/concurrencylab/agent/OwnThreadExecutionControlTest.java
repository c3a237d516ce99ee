package concurrencylab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControlProvider;
import org.junit.jupiter.api.Test;

/** Snippets that start threads which live on end, in a real JShell on the local engine. */
class OwnThreadExecutionControlTest {

    @Test
    void aSnippetRunsOnlyOnceTheEngineWaitsForItAndEndsThoughItsThreadsLiveOn() {
        ExecutionControlProvider provider = OwnThreadExecutionControl.provider("own-thread", OwnThreadExecutionControl::new);
        try (JShell shell = JShell.builder().executionEngine(provider, Map.of()).build()) {
            // Where the engine's thread is when the snippet starts: the plain engine may still be listing threads.
            shell.eval("""
                    String engineState() {
                        return Thread.getAllStackTraces().entrySet().stream()
                                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("invoke")
                                        && f.getClassName().equals("jdk.jshell.execution.LocalExecutionControl")))
                                .map(e -> e.getKey().getState().toString()).findFirst().orElse("none");
                    }""");
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int snippet = 0; snippet < 20; snippet++) {
                    // a thread that outlives its snippet, started first thing, as a pool or a server would be
                    SnippetEvent event = shell.eval("""
                            { Thread t = new Thread(() -> { try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { } });
                              t.setDaemon(true); t.start(); }
                            """).get(0);
                    assertEquals(null, event.exception());
                    assertEquals("\"WAITING\"", shell.eval("engineState()").get(0).value());
                }
            });
        }
    }
}
