package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import concurrencylab.spi.ExecuteOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code %%html}, {@code %%markdown}, {@code %%javascript}, {@code %%svg}, {@code %%latex}: the cell as that MIME type. */
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
}
