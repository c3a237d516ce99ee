package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.Completion;
import concurrencylab.spi.ExecuteOutcome;
import org.junit.jupiter.api.Test;

/** Magics: listing, help, unknown names, bad options, completion, mixing with Java. */
class MagicDispatchTest {

    private final JShellInterpreter interpreter = SharedInterpreter.get();

    private String text(ExecuteOutcome outcome) {
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        return outcome.result().data().get("text/plain").getAsString();
    }

    @Test
    void lsmagicListsTheBuiltIns() {
        String listing = text(interpreter.execute("%lsmagic", new RecordingCell()));
        assertTrue(listing.contains("%help") && listing.contains("%lsmagic"), listing);
    }

    @Test
    void helpShowsUsage() {
        assertTrue(text(interpreter.execute("%help lsmagic", new RecordingCell())).contains("Usage: %lsmagic"));
        assertTrue(text(interpreter.execute("%lsmagic?", new RecordingCell())).contains("Usage: %lsmagic"));
    }

    @Test
    void unknownMagicNamesItselfAndCloseNames() {
        ExecuteOutcome outcome = interpreter.execute("%lsmagc", new RecordingCell());
        assertEquals("UnknownMagic", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("%lsmagc"), outcome.error().evalue());
        assertTrue(outcome.error().evalue().contains("did you mean %lsmagic"), outcome.error().evalue());
    }

    @Test
    void badOptionIsAUsageErrorNotACompileError() {
        ExecuteOutcome outcome = interpreter.execute("%lsmagic --fast", new RecordingCell());
        assertEquals("UsageError", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("--fast"), outcome.error().evalue());
        assertTrue(outcome.error().traceback().get(1).contains("%lsmagic"), outcome.error().traceback()::toString);
        ExecuteOutcome missing = interpreter.execute("%classpath add", new RecordingCell());
        assertTrue(missing.succeeded() || "UsageError".equals(missing.error().ename()),
                () -> "a magic's own input problems are usage errors: " + missing.error());
        ExecuteOutcome list = interpreter.execute("%help", new RecordingCell());
        assertTrue(list.succeeded() && list.result().data().get("text/plain").getAsString().contains("Line magics"),
                "%help without a name lists the magics");
    }

    @Test
    void lineMagicsRunInOrderWithJava() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("System.out.println(\"before\");\n%lsmagic\nint afterMagic = 3;\nafterMagic * 2", cell);
        assertEquals("6", text(outcome));
        assertEquals("before\n", cell.stdout());
        ExecuteOutcome error = interpreter.execute("int fine = 1;\n%lsmagic\nint broken = ;", new RecordingCell());
        assertTrue(error.error().traceback().get(0).startsWith("cell line 3, column 14"), error.error().traceback()::toString);
    }

    @Test
    void classpathAddsJarsAndFoldersAndRejectsMissingOnes() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("extra-classes");
        java.nio.file.Path source = folder.resolve("Greeter.java");
        java.nio.file.Files.writeString(source, "package extra; public class Greeter { public static String hi() { return \"hi\"; } }");
        int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", folder.toString(), source.toString());
        assertEquals(0, compiled);
        assertTrue(interpreter.execute("%classpath add " + folder, new RecordingCell()).succeeded());
        assertEquals("\"hi\"", text(interpreter.execute("extra.Greeter.hi()", new RecordingCell())));
        assertTrue(text(interpreter.execute("%classpath", new RecordingCell())).contains(folder.toString()));
        ExecuteOutcome missing = interpreter.execute("%classpath add /no/such.jar", new RecordingCell());
        assertTrue(missing.error().evalue().contains("does not exist"), missing.error().evalue());
    }

    @Test
    void completesMagicNamesAndOptions() {
        Completion names = interpreter.complete("%ls", 3);
        assertEquals(java.util.List.of("%lsmagic"), names.matches());
        assertEquals(0, names.cursorStart());
        Completion options = interpreter.complete("%lsmagic --he", 13);
        assertTrue(options.matches().isEmpty() || options.matches().stream().allMatch(o -> o.startsWith("--he")));
    }
}
