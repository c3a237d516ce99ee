package concurrencylab.jshell;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/** One JShell with its runtime JVM; replaced as a whole when the runtime dies or is killed. */
final class Engine implements AutoCloseable {

    private final JShell jshell;
    private final RuntimeConnection runtime;
    private final Set<String> startupSnippetIds = new HashSet<>();
    private volatile boolean shutDown;

    private Engine(JShell jshell, RuntimeConnection runtime) {
        this.jshell = jshell;
        this.runtime = runtime;
        jshell.onShutdown(j -> shutDown = true);
    }

    static Engine start(CellRouter cells, CellInput input, List<String> runtimeOptions) {
        AtomicReference<RuntimeConnection> connection = new AtomicReference<>();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        RuntimeLauncher launcher = new RuntimeLauncher(cells, input, runtimeOptions, connection::set);
        try {
            launcher.launchEarly();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot start the runtime JVM: " + e.getMessage(), e);
        }
        JShell jshell = JShell.builder()
                .in(java.io.InputStream.nullInputStream()) // the runtime asks for input over the side channel
                .out(discard)
                .err(discard)
                .executionEngine(launcher, java.util.Map.of())
                .build();
        return prepare(jshell, connection);
    }

    /** Startup imports (compiled while the runtime boots), then one snippet that connects and warms everything. */
    private static Engine prepare(JShell jshell, AtomicReference<RuntimeConnection> connection) {
        Set<String> startupIds = new HashSet<>();
        for (String line : StartupImports.all()) {
            jshell.eval(line).forEach(event -> startupIds.add(event.snippet().id()));
        }
        jshell.eval("int $warmUp = 1 + 1;").forEach(event -> startupIds.add(event.snippet().id()));
        if (connection.get() == null) {
            jshell.close();
            throw new IllegalStateException("the runtime JVM did not start; see the kernel log");
        }
        Engine engine = new Engine(jshell, connection.get());
        engine.startupSnippetIds.addAll(startupIds);
        return engine;
    }

    JShell jshell() {
        return jshell;
    }

    SourceCodeAnalysis analysis() {
        return jshell.sourceCodeAnalysis();
    }

    RuntimeConnection runtime() {
        return runtime;
    }

    boolean startupSnippet(Snippet snippet) {
        return startupSnippetIds.contains(snippet.id());
    }

    /** False once JShell lost its engine (the runtime exited, crashed or was killed). */
    boolean alive() {
        return !shutDown && runtime.alive();
    }

    /** Hands the running cell's id to the runtime (with its first snippet), so its threads' output finds the cell. */
    void enterCell(String cellId) {
        runtime.control().enterCell(cellId);
    }

    @Override
    public void close() {
        runtime.terminate();
        try {
            jshell.close();
        } catch (RuntimeException e) {
            // already closed down
        }
    }
}
