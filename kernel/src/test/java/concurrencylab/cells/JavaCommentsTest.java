package concurrencylab.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaCommentsTest {

    @Test
    void commentsAroundTheCodeAreLeftOut() {
        assertEquals("display(x)", JavaComments.trim(" // the total\n/* shown */ display(x) // below\n"));
        assertEquals(" // the total\ncount", JavaComments.stripTrailing(" // the total\ncount // primes found"));
        assertEquals("", JavaComments.trim("// only a comment"));
    }

    @Test
    void commentMarksInsideLiteralsAreCode() {
        assertEquals("\"http://example.org\"", JavaComments.trim("\"http://example.org\" // a link"));
        assertEquals("'/' + \"/*\"", JavaComments.trim("'/' + \"/*\" /* not code */"));
        assertEquals("\"\"\"\n  a // b\n  \"\"\"", JavaComments.trim("\"\"\"\n  a // b\n  \"\"\" // end"));
        assertEquals("\"a \\\" // b\"", JavaComments.trim("\"a \\\" // b\" // c"));
    }
}
