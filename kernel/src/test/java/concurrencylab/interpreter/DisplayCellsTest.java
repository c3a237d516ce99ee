package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import concurrencylab.spi.ExecuteOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code %%html}, {@code %%markdown}, {@code %%javascript}, {@code %%svg}, {@code %%latex}: the cell as that MIME type;
 * and the declarations of the library, process and session magics driving the listing, help and completion.
 */
class DisplayCellsTest {

    private final JShellInterpreter interpreter = SharedInterpreter.get();

    @Test
    void eachDisplayCellShowsItsTextAsItsTypeWithAPlainForm() {
        Map<String, String> types = Map.of("html", "text/html", "markdown", "text/markdown", "javascript", "application/javascript",
                "svg", "image/svg+xml", "latex", "text/latex");
        types.forEach((magic, mime) -> {
            String body = "<b>" + magic + "</b>\nsecond line";
            ExecuteOutcome outcome = interpreter.execute("%%" + magic + "\n" + body, new RecordingCell());
            assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
            JsonObject data = outcome.result().data();
            assertEquals(body, data.get(mime).getAsString(), magic);
            assertEquals(body, data.get("text/plain").getAsString(), magic);
            assertEquals(2, data.size(), magic);
        });
    }

    @Test
    void aDisplayCellWrittenAsALineMagicSaysHowToWriteIt() {
        ExecuteOutcome outcome = interpreter.execute("%html <b>x</b>", new RecordingCell());
        assertEquals("UsageError", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("%%html is a cell magic"), outcome.error().evalue());
    }

    @Test
    void theNewMagicsAreListedHelpedCompletedAndCheckedFromTheirDeclarations() {
        String listing = interpreter.execute("%lsmagic", new RecordingCell()).result().data().get("text/plain").getAsString();
        for (String magic : java.util.List.of("%maven", "%mavenRepo", "%loadFromPOM", "%%loadFromPOM", "%%bash", "%%sh", "%%python",
                "%%html", "%%markdown", "%%javascript", "%%svg", "%%latex", "%vars", "%imports", "%methods", "%types", "%load",
                "%sysinfo", "%reset", "%env", "%cd", "%pwd")) {
            assertTrue(listing.contains("\n  " + magic + "  "), magic + " in\n" + listing);
        }
        String usage = interpreter.execute("%maven?", new RecordingCell()).result().data().get("text/plain").getAsString();
        assertTrue(usage.startsWith("Usage: %maven [-U] [-s=FILE] [COORDINATES...]"), usage);
        assertTrue(usage.contains("the %%processes workers"), usage);
        assertEquals(java.util.List.of("%%python"), interpreter.complete("%%pyt", 5).matches());
        assertEquals(java.util.List.of("--settings"), interpreter.complete("%maven --se", 11).matches());
        ExecuteOutcome badOption = interpreter.execute("%maven --frobnicate a:b:1", new RecordingCell());
        assertEquals("UsageError", badOption.error().ename());
        assertTrue(badOption.error().evalue().contains("--frobnicate"), badOption.error().evalue());
        ExecuteOutcome nothing = interpreter.execute("%maven", new RecordingCell());
        assertTrue(nothing.error().evalue().startsWith("name an artifact: %maven GROUP:ARTIFACT:VERSION"), nothing.error().evalue());
    }
}
