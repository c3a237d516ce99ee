package concurrencylab.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Keeps a working engine: starts it in the background, and when its runtime dies or must be
 * killed, starts a fresh one and replays the notebook's declarations into it.
 */
final class EngineSupervisor {

    /** How long a stopped cell may take to end before its runtime is killed. */
    static final long KILL_AFTER_MILLIS = 2_000;

    private final CellRouter cells;
    private final CellInput input;
    private final List<String> runtimeOptions;
    private final SnippetOrigins origins;
    private final DeclarationLog declarations = new DeclarationLog();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "concurrency-lab-engine-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> extraClasspath = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Engine> current;
    private CompletableFuture<Engine> replacement;
    private volatile Running running;

    /** A cell in progress, and what has been done to stop it. */
    static final class Running {
        /** Completes on interrupt, so a cell still waiting for its engine ends at once. */
        final CompletableFuture<Void> stopSignal = new CompletableFuture<>();
        volatile boolean stopRequested;
        volatile boolean killed;
        volatile ScheduledFuture<?> escalation;
    }

    /** What a restart did, for the message the cell shows. */
    record Replay(List<String> replayed, List<String> variablesReset, List<String> failed) {
    }

    EngineSupervisor(CellRouter cells, CellInput input, List<String> runtimeOptions, SnippetOrigins origins) {
        this.cells = cells;
        this.input = input;
        this.runtimeOptions = runtimeOptions;
        this.origins = origins;
    }

    synchronized void start() {
        if (current == null) {
            current = launch();
        }
    }

    private CompletableFuture<Engine> launch() {
        return CompletableFuture.supplyAsync(() -> Engine.start(cells, input, runtimeOptions), runnable -> {
            Thread thread = new Thread(runnable, "concurrency-lab-engine-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The engine, waiting for it to be ready; a failed start is retried once, then reported. */
    Engine engine() {
        return ready(startedEngine());
    }

    /** The engine for a cell, or null when the cell was interrupted while the engine was still starting. */
    Engine engine(Running cell) {
        CompletableFuture<Engine> engine = startedEngine();
        CompletableFuture.anyOf(engine, cell.stopSignal).exceptionally(failure -> null).join();
        return cell.stopRequested ? null : ready(engine);
    }

    private CompletableFuture<Engine> startedEngine() {
        start();
        CompletableFuture<Engine> engine = current;
        if (engine.isCompletedExceptionally()) {
            synchronized (this) {
                if (current == engine) {
                    current = launch();
                }
                engine = current;
            }
        }
        return engine;
    }

    private static Engine ready(CompletableFuture<Engine> engine) {
        try {
            return engine.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the Java runtime could not be started: " + cause.getMessage(), cause);
        }
    }

    Running begin() {
        Running cell = new Running();
        running = cell;
        return cell;
    }

    void end(Running cell) {
        ScheduledFuture<?> escalation = cell.escalation;
        if (escalation != null) {
            escalation.cancel(false);
        }
        running = null;
    }

    /** Tier 1 now: stop checks and thread interrupts. Tier 2 later: kill the runtime if the cell is still running. */
    void interrupt() {
        Running cell = running;
        if (cell == null) {
            return;
        }
        cell.stopRequested = true;
        cell.stopSignal.complete(null);
        CompletableFuture<Engine> engine = current;
        if (engine == null || !engine.isDone() || engine.isCompletedExceptionally()) {
            return; // the cell is still waiting for its engine and ends without running
        }
        Engine live = engine.join();
        live.runtime().sideChannel().stop();
        if (cell.escalation == null) {
            cell.escalation = timer.schedule(() -> {
                if (running == cell) {
                    cell.killed = true;
                    live.runtime().terminate();
                    startReplacement();
                }
            }, KILL_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Adds a jar or class folder for the compiler and the runtime; kept across restarts. */
    void addToClasspath(String path) {
        engine().jshell().addToClasspath(path);
        extraClasspath.add(path);
    }

    List<String> extraClasspath() {
        return List.copyOf(extraClasspath);
    }

    void captureDeclarations(Engine engine) {
        if (engine.alive()) {
            declarations.capture(engine, origins);
        }
    }

    /** Starts the next engine right away when the runtime is killed, so the restart takes less time. */
    private synchronized void startReplacement() {
        if (replacement == null) {
            replacement = launch();
        }
    }

    /** Replaces a dead (or killed) engine with a fresh one holding the same declarations. */
    synchronized Replay restart() {
        current.thenAccept(Engine::close);
        current = replacement != null ? replacement : launch();
        replacement = null;
        return replay(engine());
    }

    private Replay replay(Engine engine) {
        List<String> replayed = new ArrayList<>();
        List<String> reset = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        extraClasspath.forEach(engine.jshell()::addToClasspath);
        for (DeclarationLog.Declaration declaration : declarations.declarations()) {
            List<SnippetEvent> events = engine.jshell().eval(declaration.source());
            SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
            boolean ok = main != null && main.status().isDefined() && main.exception() == null;
            if (ok && declaration.origin() != null) {
                origins.record(main.snippet().id(), declaration.origin().executionCount(), declaration.origin().firstLine());
            }
            if (!ok) {
                failed.add(declaration.name());
            } else if (declaration.kind() == Snippet.Kind.VAR) {
                reset.add(declaration.name());
            } else {
                replayed.add(declaration.name());
            }
        }
        captureDeclarations(engine);
        return new Replay(replayed, reset, failed);
    }

    synchronized void shutdown() {
        timer.shutdownNow();
        if (replacement != null) {
            replacement.thenAccept(Engine::close);
        }
        CompletableFuture<Engine> engine = current;
        if (engine != null) {
            engine.thenAccept(Engine::close);
        }
    }
}
