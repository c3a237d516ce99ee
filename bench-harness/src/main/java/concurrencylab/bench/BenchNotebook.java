package concurrencylab.bench;

import concurrencylab.agent.OwnThreadExecutionControl;
import concurrencylab.agent.SnippetClassRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControlProvider;

/**
 * A notebook in this JVM: a JShell whose engine records snippet class bytes as the runtime's does, so that
 * cell bodies, notebook variables and methods reach worker JVMs exactly as they do from a notebook.
 */
final class BenchNotebook implements AutoCloseable {

    private final JShell shell;

    /** Local execution that records every snippet class it loads, as the runtime's engine does. */
    private static final class RecordingControl extends OwnThreadExecutionControl {
        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            record(classes);
            super.load(classes);
        }

        @Override
        public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            record(classes);
            super.redefine(classes);
        }

        private static void record(ClassBytecodes[] classes) {
            for (ClassBytecodes bytecodes : classes) {
                SnippetClassRegistry.record(bytecodes.name(), bytecodes.bytecodes());
            }
        }
    }

    BenchNotebook() {
        ExecutionControlProvider recording = OwnThreadExecutionControl.provider("recording", RecordingControl::new);
        shell = JShell.builder().executionEngine(recording, Map.of()).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        try (InputStream imports = BenchNotebook.class.getResourceAsStream("/META-INF/concurrencylab/imports")) {
            for (String line : new String(imports.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                eval(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one snippet; returns its value as JShell shows it, or fails with what went wrong. */
    String eval(String code) {
        String value = null;
        for (SnippetEvent event : shell.eval(code)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.exception() != null) {
                throw new IllegalStateException(code + " threw " + event.exception().getMessage(), event.exception());
            }
            if (event.status() != Snippet.Status.VALID) {
                throw new IllegalStateException(code + " is " + event.status() + ": "
                        + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
            }
            value = event.value();
        }
        return value;
    }

    long number(String expression) {
        return Long.parseLong(eval(expression));
    }

    @Override
    public void close() {
        shell.close();
    }
}
