package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.agent.OwnThreadExecutionControl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControlProvider;

/**
 * A real JShell for the magics' tests: the execution engine a test needs (one that records snippet classes
 * for worker JVMs, or weaves them), this module's class path, the notebook's default imports, and an eval
 * that fails the test when a snippet does not compile or throws.
 */
final class TestJShell implements AutoCloseable {

    private final JShell shell;

    TestJShell(Supplier<? extends OwnThreadExecutionControl> engine) throws IOException {
        ExecutionControlProvider provider = OwnThreadExecutionControl.provider("test", engine);
        shell = JShell.builder().executionEngine(provider, Map.of()).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        try (InputStream imports = TestJShell.class.getResourceAsStream("/META-INF/concurrencylab/imports")) {
            for (String line : new String(imports.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                eval(line);
            }
        }
    }

    /** Evaluates a snippet that must compile and not throw; its value. */
    String eval(String code) {
        String value = null;
        for (SnippetEvent event : shell.eval(code)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            assertTrue(event.exception() == null, code + " threw " + event.exception());
            assertTrue(event.status() == Snippet.Status.VALID, code + " is " + event.status() + ": "
                    + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
            value = event.value();
        }
        return value;
    }

    /** The JShell itself, for a test that looks at the events of a snippet that may fail. */
    JShell jshell() {
        return shell;
    }

    @Override
    public void close() {
        shell.close();
    }
}
