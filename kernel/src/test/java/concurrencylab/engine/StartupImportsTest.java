package concurrencylab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's list of imported packages is the list the notebook starts with. */
class StartupImportsTest {

    @Test
    void theReadmeNamesExactlyTheDefaultPackages() throws IOException {
        Path readme = Path.of("..", "README.md");
        assertTrue(Files.exists(readme), "run from the kernel module, beside ../README.md");
        String text = Files.readString(readme).replaceAll("\\s+", " ");
        Matcher paragraph = Pattern.compile("Every class of these packages can be used by its simple name: (.*?)\\. So are")
                .matcher(text);
        assertTrue(paragraph.find(), "the README's list of imported packages is missing");
        List<String> documented = Pattern.compile("`([a-z.]+)`").matcher(paragraph.group(1)).results()
                .map(match -> match.group(1)).sorted().toList();
        List<String> imported = StartupImports.DEFAULTS.stream()
                .filter(line -> line.matches("import java\\.[a-z.]+\\.\\*;"))
                .map(line -> line.substring("import ".length(), line.length() - ".*;".length()))
                .sorted().toList();
        assertEquals(imported, documented);
    }
}
