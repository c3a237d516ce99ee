package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.Completion;
import concurrencylab.spi.Inspection;
import org.junit.jupiter.api.Test;

/** Completion, inspection and completeness against the notebook's live JShell. */
class CodeAssistTest {

    private final JShellInterpreter interpreter = SharedInterpreter.get();

    @Test
    void completesMembersWithTheRightRange() {
        String code = "Math.ma";
        Completion completion = interpreter.complete(code, code.length());
        assertTrue(completion.matches().contains("max("), completion.matches()::toString);
        assertEquals(5, completion.cursorStart());
        assertEquals(7, completion.cursorEnd());
    }

    @Test
    void completesDeclaredNamesTypesAndKeywords() {
        assertTrue(interpreter.execute("int ticketCounter = 5;", new RecordingCell()).succeeded());
        Completion local = interpreter.complete("int a = 1;\nticketCo", 19);
        assertEquals("ticketCounter", local.matches().get(0));
        assertEquals(11, local.cursorStart());
        Completion type = interpreter.complete("CompletableFut", 14);
        assertTrue(type.matches().contains("CompletableFuture"), type.matches()::toString);
        assertEquals(0, type.cursorStart());
        Completion keyword = interpreter.complete("whi", 3);
        assertTrue(keyword.matches().contains("while"), keyword.matches()::toString);
    }

    @Test
    void completesLocalsInsideABlock() {
        String code = "void work() {\n    int localValue = 2;\n    localV";
        Completion completion = interpreter.complete(code, code.length());
        assertTrue(completion.matches().contains("localValue"), completion.matches()::toString);
        assertEquals(code.length() - "localV".length(), completion.cursorStart());
    }

    @Test
    void inspectsWithTheCursorInsideOrRightAfterTheName() {
        String code = "Math.max(1, 2)";
        for (int cursor : new int[] {6, 8}) {
            Inspection inspection = interpreter.inspect(code, cursor, 0);
            assertTrue(inspection.found(), "cursor " + cursor);
            String text = inspection.bundle().data().get("text/plain").getAsString();
            assertTrue(text.contains("max(int a, int b)") || text.contains("max(int, int)"), text);
        }
        assertFalse(interpreter.inspect("   ", 1, 0).found());
    }

    @Test
    void javadocReadsAsTextWithoutTags() {
        String max = interpreter.inspect("Math.max", 8, 0).bundle().data().get("text/plain").getAsString();
        assertTrue(max.contains("Returns the greater of two int values."), max);
        assertTrue(max.contains("Parameters:\n  a - an argument."), max);
        assertFalse(max.contains("{@") || max.contains("@param"), max);
        String executor = interpreter.inspect("ExecutorService", 15, 0).bundle().data().get("text/plain").getAsString();
        assertFalse(executor.contains("{@") || executor.contains("<pre>") || executor.contains("<p>"), executor);
    }

    @Test
    void isCompleteSaysCompleteIncompleteOrInvalid() {
        assertEquals("complete", interpreter.isComplete("int x = 1;").status());
        assertEquals("complete", interpreter.isComplete("1 + 1").status());
        var open = interpreter.isComplete("for (int i = 0; i < 3; i++) {");
        assertEquals("incomplete", open.status());
        assertEquals("    ", open.indent());
        assertEquals("incomplete", interpreter.isComplete("int f(int a) {\n  return a;").status());
        assertEquals("invalid", interpreter.isComplete("int x = 1; )").status());
        assertEquals("complete", interpreter.isComplete("%lsmagic").status());
    }
}
