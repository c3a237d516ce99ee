package concurrencylab.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetNamesTest {

    @Test
    void wrapperClassesLeaveTheNamesTheUserWrote() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null",
                SnippetNames.clean("Cannot invoke \"String.length()\" because \"REPL.$JShell$24.s\" is null"));
        assertEquals("because the return value of \"find()\" is null",
                SnippetNames.clean("because the return value of \"REPL.$JShell$13.find()\" is null"));
        assertEquals("class Point cannot be cast to class java.lang.String (Point is in unnamed module of loader snippets)",
                SnippetNames.clean("class REPL.$JShell$12$Point cannot be cast to class java.lang.String "
                        + "(snippets//REPL.$JShell$12$Point is in unnamed module of loader snippets)"));
    }

    @Test
    void textWithoutWrappersIsLeftAlone() {
        assertEquals("/ by zero", SnippetNames.clean("/ by zero"));
        assertEquals(null, SnippetNames.clean(null));
    }
}
