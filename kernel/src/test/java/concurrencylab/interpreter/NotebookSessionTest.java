package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.JavaSession;
import java.util.List;
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
    void taskWhoseLinesEndInCommentsReturnsItsLastExpression() {
        RecordingCell cell = new RecordingCell();
        JavaSession.TaskDefinition task = interpreter.withinCell(cell, () -> session.defineTask(
                "int doubled = 2 * 21; // twice\ndoubled // the result", 1, cell));
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
        assertEquals(List.of(new ExecuteOutcome.ErrorInfo.Position(3, 9)), task.compileError().error().positions());
    }

    @Test
    void bodiesThatNeverCompleteNormallyCompileAsWritten() {
        RecordingCell cell = new RecordingCell();
        interpreter.withinCell(cell, () -> { // as a magic's work runs inside its cell
            JavaSession.TaskDefinition endless = session.defineTask("long spins = 0;\nwhile (true) spins++;", 1, cell);
            assertTrue(endless.ok(), () -> String.valueOf(endless.compileError()));
            JavaSession.TaskDefinition throwing = session.defineTask("int n = 3;\nthrow new IllegalStateException(\"boom \" + n);", 1, cell);
            assertTrue(throwing.ok(), () -> String.valueOf(throwing.compileError()));
            ExecuteOutcome thrown = session.executeInternal(throwing.methodName() + "()", cell);
            assertEquals("java.lang.IllegalStateException", thrown.error().ename());
            assertEquals("boom 3", thrown.error().evalue());
            JavaSession.TaskDefinition loopEndingInThrow = session.defineTask(
                    "int z = 0;\nwhile (true) {\n  if (++z == 1000) throw new IllegalStateException(\"at \" + z);\n}", 1, cell);
            assertTrue(loopEndingInThrow.ok(), () -> String.valueOf(loopEndingInThrow.compileError()));
            assertEquals("at 1000", session.executeInternal(loopEndingInThrow.methodName() + "()", cell).error().evalue());
            JavaSession.TaskDefinition returning = session.defineTask("int v = 40;\nreturn v + 2;", 1, cell);
            assertTrue(returning.ok(), () -> String.valueOf(returning.compileError()));
            assertEquals("42", session.executeInternal(returning.methodName() + "()", cell).result().data().get("text/plain").getAsString());
            return null;
        });
    }

    @Test
    void anErrorTheUserWroteIsNotBlamedOnGeneratedCode() {
        RecordingCell cell = new RecordingCell();
        JavaSession.TaskDefinition task = interpreter.withinCell(cell, () -> session.defineTask("int w = 1;\nreturn w;\nw++;", 1, cell));
        assertTrue(!task.ok());
        List<String> traceback = task.compileError().error().traceback();
        assertTrue(traceback.get(0).startsWith("cell line 4, column 1: unreachable statement"), traceback::toString);
        assertTrue(traceback.stream().noneMatch(line -> line.contains("return null")), traceback::toString);
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
