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
        JShell jshell = JShell.builder()
                .in(input)
                .out(discard)
                .err(discard)
                .executionEngine(new RuntimeLauncher(cells, runtimeOptions, connection::set), java.util.Map.of())
                .build();
        Engine engine = new Engine(jshell, connection.get());
        engine.prepare();
        return engine;
    }

    private void prepare() {
        // The compiler needs the kernel's classes (display API, modules' imports); the runtime has them already.
        jshell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : StartupImports.all()) {
            for (var event : jshell.eval(line)) {
                startupSnippetIds.add(event.snippet().id());
            }
        }
        // Warm the compiler and the engine so the first cell is quick.
        jshell.eval("int $warmUp = 1 + 1;").forEach(e -> startupSnippetIds.add(e.snippet().id()));
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

    /** Hands the running cell's id to the runtime, so its threads' output finds the cell. */
    void enterCell(String cellId) {
        try {
            runtime.control().extensionCommand(concurrencylab.runtime.RuntimeProtocol.CELL_COMMAND, cellId);
        } catch (Exception e) {
            // The runtime is gone: the next eval notices and the cell is told.
        }
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
