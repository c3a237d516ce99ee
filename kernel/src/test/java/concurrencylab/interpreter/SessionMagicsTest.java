package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code %vars}, {@code %imports}, {@code %methods}, {@code %types}, {@code %load}, {@code %sysinfo}, {@code %env}, {@code %cd}, {@code %pwd}, {@code %reset}. */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionMagicsTest {

    @TempDir
    static Path scratch;

    private static JShellInterpreter interpreter;

    @BeforeAll
    static void start() {
        interpreter = new JShellInterpreter(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        interpreter.start();
    }

    @AfterAll
    static void stop() {
        interpreter.shutdown(false);
    }

    private static String text(String code) {
        ExecuteOutcome outcome = interpreter.execute(code, new RecordingCell());
        assertTrue(outcome.succeeded(), () -> code + ": " + outcome.error());
        return outcome.result() == null ? "" : outcome.result().data().get("text/plain").getAsString();
    }

    @Test
    @Order(1)
    void listingsShowWhatTheNotebookDeclared() {
        text("import java.util.concurrent.atomic.AtomicLong;\nint answer = 42;\nvar words = List.of(\"a\", \"b\");\n"
                + "long twice(long x) { return 2 * x; }\nrecord Point(int x, int y) {}");
        String vars = text("%vars");
        assertTrue(vars.matches("(?s)name\\s+type\\s+value\\n.*answer\\s+int\\s+42\\n.*"), vars);
        assertTrue(vars.matches("(?s).*words\\s+List<String>\\s+\\[a, b\\].*"), vars);
        assertTrue(text("%imports").contains("import java.util.concurrent.atomic.AtomicLong;"));
        assertTrue(text("%methods").matches("(?s).*twice\\s+\\(long\\)long.*"), text("%methods"));
        assertTrue(text("%types").matches("(?s).*Point\\s+record.*"), text("%types"));
    }

    @Test
    @Order(2)
    void loadRunsAFileAsACellAndSysinfoTellsTheRuntimesFacts() throws Exception {
        Files.writeString(scratch.resolve("helpers.jsh"), "int thrice(int x) { return 3 * x; }\nthrice(5)");
        assertEquals("15", text("%load " + scratch.resolve("helpers.jsh")));
        assertEquals("21", text("thrice(7)"));
        ExecuteOutcome missing = interpreter.execute("%load " + scratch.resolve("none.jsh"), new RecordingCell());
        assertTrue(missing.error().evalue().contains("none.jsh does not exist"), missing.error().evalue());
        RecordingCell cell = new RecordingCell();
        assertTrue(interpreter.execute("%sysinfo", cell).succeeded());
        assertTrue(cell.stdout().matches("(?s)cores\\s+" + Runtime.getRuntime().availableProcessors() + "\\n.*"), cell.stdout());
        assertTrue(cell.stdout().matches("(?s).*heap\\s+\\d+ MiB initial, 2\\d\\d MiB max\\n.*"), "the runtime's -Xmx256m: " + cell.stdout());
        assertTrue(cell.stdout().contains("JVM flags  ") && cell.stdout().contains("-Xmx256m"), cell.stdout());
    }

    @Test
    @Order(3)
    void envAndCdSteerTheProcessCells() throws Exception {
        assertEquals("GREETING=hello there", text("%env GREETING='hello there'"));
        assertEquals("hello there", text("%env GREETING"));
        Files.createDirectories(scratch.resolve("work"));
        assertEquals(scratch.resolve("work").toString(), text("%cd " + scratch.resolve("work")));
        assertTrue(text("%pwd").startsWith(scratch.resolve("work").toString()));
        RecordingCell cell = new RecordingCell();
        assertTrue(interpreter.execute("%%bash\necho \"$GREETING from $(pwd)\"", cell).succeeded());
        assertEquals("hello there from " + scratch.resolve("work").toRealPath() + "\n", cell.stdout());
        ExecuteOutcome nowhere = interpreter.execute("%cd no-such-folder", new RecordingCell());
        assertEquals("UsageError", nowhere.error().ename());
        assertTrue(nowhere.error().evalue().contains("is not a directory"), nowhere.error().evalue());
    }

    @Test
    @Order(4)
    void resetStartsOverWithNothingReplayed() {
        assertEquals("Fresh runtime: no declarations, no dependencies.", text("%reset"));
        assertEquals("No variables declared.", text("%vars"));
        assertEquals("No methods declared.", text("%methods"));
        ExecuteOutcome gone = interpreter.execute("thrice(2)", new RecordingCell());
        assertTrue(!gone.succeeded(), "methods are gone after %reset");
        assertEquals("4", text("1 + 3"));
    }
}
