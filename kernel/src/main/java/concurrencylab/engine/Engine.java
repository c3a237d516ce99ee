package concurrencylab.engine;

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
public final class Engine implements AutoCloseable {

    private final JShell jshell;
    private final RuntimeConnection runtime;
    private final Set<String> startupSnippetIds = new HashSet<>();
    private volatile boolean shutDown;

    private Engine(JShell jshell, RuntimeConnection runtime) {
        this.jshell = jshell;
        this.runtime = runtime;
        jshell.onShutdown(j -> shutDown = true);
    }

    public static Engine start(CellRouter cells, CellInput input, List<String> runtimeOptions) {
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
        cells.engineStarted(jshell);
        return prepare(jshell, connection);
    }

    /**
     * Startup imports and the class-path index for code assist (both while the runtime boots), then one
     * snippet that connects and warms everything.
     */
    private static Engine prepare(JShell jshell, AtomicReference<RuntimeConnection> connection) {
        Set<String> startupIds = new HashSet<>();
        for (String line : StartupImports.all()) {
            jshell.eval(line).forEach(event -> startupIds.add(event.snippet().id()));
        }
        if (FIRST_ENGINE.compareAndSet(true, false)) {
            awaitClassIndex(jshell.sourceCodeAnalysis());
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

    /** How long a start waits for JShell's class-path index; past it the index finishes in the background. */
    private static final long CLASS_INDEX_WAIT_MILLIS = 5_000;
    /**
     * Only the kernel's first engine waits for the index: JShell keeps it per JVM, so later engines (after
     * a restart) find it made, and a restart after a kill must not wait behind the indexer's queue.
     */
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST_ENGINE = new java.util.concurrent.atomic.AtomicBoolean(true);

    /**
     * JShell indexes the class path on a background thread from its first analysis on, pausing while
     * code is evaluated. Left alone, that work (a fifth of a core-second, and the garbage it leaves)
     * lands in the idle moments after the first cells, where it looks like a core kept busy by the
     * notebook: right after an interrupt, say. Waiting for it here puts it in the start instead, beside
     * the runtime JVM's boot. {@code listQualifiedNames} is the public way to ask whether it is done.
     */
    private static void awaitClassIndex(SourceCodeAnalysis analysis) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(CLASS_INDEX_WAIT_MILLIS);
        while (!analysis.listQualifiedNames("String", "String".length()).isUpToDate() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public JShell jshell() {
        return jshell;
    }

    public SourceCodeAnalysis analysis() {
        return jshell.sourceCodeAnalysis();
    }

    /** The side channel to this engine's runtime: stop, barriers, surveys, input. */
    public SideChannel sideChannel() {
        return runtime.sideChannel();
    }

    public RuntimeConnection runtime() {
        return runtime;
    }

    public boolean startupSnippet(Snippet snippet) {
        return startupSnippetIds.contains(snippet.id());
    }

    /** False once JShell lost its engine (the runtime exited, crashed or was killed). */
    public boolean alive() {
        return !shutDown && runtime.alive();
    }

    /** Tier 1 of an interrupt: the runtime stops the running cell's snippet code and its threads. */
    public void stopRunningCell() {
        runtime.control().stop();
    }

    /** Hands the running cell's id to the runtime (with its first snippet), so its threads' output finds the cell. */
    public void enterCell(String cellId) {
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
