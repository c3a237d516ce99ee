package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import org.junit.jupiter.api.Test;

/**
 * JDK-8366926: JShell's stop-check weaving cannot resolve notebook classes in some stack maps. Such code
 * must still run (without the checks) instead of taking the runtime down.
 */
class StopCheckWeavingTest {

    private final JShellInterpreter interpreter = SharedInterpreter.get();

    private ExecuteOutcome run(String code, RecordingCell cell) {
        return interpreter.execute(code, cell);
    }

    @Test
    void methodWhoseStackMapMentionsNotebookClassesRuns() {
        RecordingCell declare = new RecordingCell();
        assertTrue(run("class Box8366926 { int v = 7; }\nclass Big8366926 extends Box8366926 { }", declare).succeeded());
        RecordingCell method = new RecordingCell();
        ExecuteOutcome defined = run("Box8366926 pick8366926(boolean f) { Box8366926 b; try { b = f ? new Big8366926() : new Box8366926(); }"
                + " catch (RuntimeException e) { b = null; } return b; }", method);
        assertTrue(defined.succeeded(), () -> String.valueOf(defined.error()));
        RecordingCell call = new RecordingCell();
        ExecuteOutcome result = run("pick8366926(true).v", call);
        assertTrue(result.succeeded(), () -> String.valueOf(result.error()));
        assertEquals("7", result.result().data().get("text/plain").getAsString());
    }
}
