package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.JavaSession;
import org.junit.jupiter.api.Test;

/** What magics get from the engine: tasks compiled from cell bodies, errors on the user's lines. */
class NotebookSessionTest {

    private final JShellInterpreter interpreter = SharedInterpreter.get();
    private final JavaSession session = interpreter.session();

    @Test
    void taskReturnsItsLastExpression() {
        RecordingCell cell = new RecordingCell();
        interpreter.execute("int base() { return 40; }", cell);
        JavaSession.TaskDefinition task = interpreter.withinCell(cell, () -> session.defineTask("int extra = 2;\nbase() + extra", 1, cell));
        assertTrue(task.ok(), () -> String.valueOf(task.compileError()));
        ExecuteOutcome outcome = interpreter.withinCell(cell, () -> session.executeInternal(task.methodName() + "()", cell));
        assertEquals("42", outcome.result().data().get("text/plain").getAsString());
    }

    @Test
    void taskEndingInAVoidCallReturnsNull() {
        RecordingCell cell = new RecordingCell();
        JavaSession.TaskDefinition task = interpreter.withinCell(cell, () -> session.defineTask("System.out.println(\"work\")", 1, cell));
        assertTrue(task.ok(), () -> String.valueOf(task.compileError()));
        ExecuteOutcome outcome = interpreter.withinCell(cell, () -> session.executeInternal(task.methodName() + "()", cell));
        assertEquals("null", outcome.result().data().get("text/plain").getAsString());
        assertEquals("work\n", cell.stdout());
    }

    @Test
    void taskCompileErrorsPointAtTheUsersLines() {
        RecordingCell cell = new RecordingCell();
        JavaSession.TaskDefinition task = interpreter.withinCell(cell, () -> session.defineTask("int a = 1;\nint b = \"no\";\na + b", 1, cell));
        assertTrue(!task.ok());
        String first = task.compileError().error().traceback().get(0);
        assertTrue(first.startsWith("cell line 3, column 9"), first);
    }

    @Test
    void internalCompileErrorsAreReportedAsKernelBugs() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.withinCell(cell, () -> session.executeInternal("thisDoesNotExist(", cell));
        assertEquals("InternalError", outcome.error().ename());
    }

    @Test
    void executeMapsLinesFromWhereTheCodeStarts() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.withinCell(cell, () -> session.execute("int q = 1;\nq / 0", 2, cell));
        assertTrue(outcome.error().traceback().contains("    at (cell line 4)"), outcome.error().traceback()::toString);
    }
}
