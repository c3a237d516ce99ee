package concurrencylab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The names frames of notebook code get; the placing on cell lines is tested against a real JShell. */
class SnippetFramesTest {

    @Test
    void namesSayWhatTheUserWrote() {
        assertEquals("", SnippetFrames.name(null, "do_it$"));
        assertEquals("", SnippetFrames.name(null, "__task_3"));
        assertEquals("countPrimes", SnippetFrames.name(null, "countPrimes"));
        assertEquals("lambda", SnippetFrames.name(null, "lambda$do_it$$0"));
        assertEquals("lambda", SnippetFrames.name(null, "lambda$__task_2$1"));
        assertEquals("lambda in countPrimes", SnippetFrames.name(null, "lambda$countPrimes$2"));
        assertEquals("Point.norm", SnippetFrames.name("$Point", "norm"));
        assertEquals("new Point", SnippetFrames.name("$Point", "<init>"));
        assertEquals("Outer.Inner.run", SnippetFrames.name("$Outer$Inner", "run"));
    }

    @Test
    void framesOfUnknownSnippetsStayAsTheyAre() {
        SnippetFrames frames = new SnippetFrames(new SnippetOrigins());
        String text = "\tat REPL.$JShell$12.countPrimes($JShell$12.java:9)\n\tat java.base/java.lang.Thread.run(Thread.java:1474)\n";
        assertEquals(text, frames.inText(text, 1));
    }

    @Test
    void translatedFramesArePlacedOnCellLines() {
        SnippetOrigins origins = new SnippetOrigins();
        origins.record("12", 4, 3);
        SnippetFrames frames = new SnippetFrames(origins);
        assertEquals("countPrimes (cell [4] line 5)", frames.inText("REPL.$JShell$12.countPrimes(#12:3)", 7));
        assertEquals("(cell line 3)", frames.inText("REPL.$JShell$12.do_it$(#12:1)", 4));
        assertEquals("lambda (cell [4] line 4)", frames.inText("snippets//REPL.$JShell$12.lambda$do_it$$0(#12:2)", 5));
    }
}
