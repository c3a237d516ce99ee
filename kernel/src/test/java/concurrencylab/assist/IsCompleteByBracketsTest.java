package concurrencylab.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concurrencylab.spi.IsComplete;
import org.junit.jupiter.api.Test;

/** The answer to is_complete while the runtime JVM (and so the compiler's analysis) is still starting. */
class IsCompleteByBracketsTest {

    @Test
    void openBracketsAskForMoreLinesIndentedByTheirDepth() {
        assertEquals(IsComplete.incomplete("    "), CodeAssist.isCompleteByBrackets("int twice(int x) {"));
        assertEquals(IsComplete.incomplete("        "), CodeAssist.isCompleteByBrackets("class A {\n void f() {"));
    }

    @Test
    void balancedOrOverClosedCodeIsLeftToTheKernelToJudge() {
        assertEquals(IsComplete.unknown(), CodeAssist.isCompleteByBrackets("1 + 1"));
        assertEquals(IsComplete.unknown(), CodeAssist.isCompleteByBrackets("int twice(int x) {\n return 2 * x;\n}"));
        assertEquals(IsComplete.unknown(), CodeAssist.isCompleteByBrackets("f())"));
    }
}
