package concurrencylab.engine.supervision;

import concurrencylab.engine.SnippetOrigins;
import concurrencylab.engine.CellInput;
import concurrencylab.engine.CellRouter;
import concurrencylab.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Keeps a working engine: starts it in the background, and when its runtime dies or must be
 * killed, starts a fresh one and replays the notebook's declarations into it. When to kill is
 * {@link InterruptPolicy}'s decision.
 */
public final class EngineSupervisor {

    private final CellRouter cells;
    private final CellInput input;
    private final List<String> runtimeOptions;
    private final SnippetOrigins origins;
    private final DeclarationLog declarations = new DeclarationLog();
    private final List<String> extraClasspath = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Engine> current;
    private CompletableFuture<Engine> replacement;

    /** What a restart did, for the message the cell shows. */
    record Replay(List<String> replayed, List<String> variablesReset, List<String> failed) {
    }

    public EngineSupervisor(CellRouter cells, CellInput input, List<String> runtimeOptions, SnippetOrigins origins) {
        this.cells = cells;
        this.input = input;
        this.runtimeOptions = runtimeOptions;
        this.origins = origins;
    }

    public synchronized void start() {
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
    public Engine engine() {
        return ready(startedEngine());
    }

    /** The engine for a cell, or null when the cell was interrupted while the engine was still starting. */
    public Engine engine(CellRun cell) {
        CompletableFuture<Engine> engine = startedEngine();
        CompletableFuture.anyOf(engine, cell.stopSignal()).exceptionally(failure -> null).join();
        return cell.stopRequested() ? null : ready(engine);
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

    /** The engine if it has started and is ready, else null (it is still starting, or its start failed). */
    Engine liveEngine() {
        CompletableFuture<Engine> engine = current;
        if (engine == null || !engine.isDone() || engine.isCompletedExceptionally()) {
            return null;
        }
        return engine.join();
    }

    /** Adds a jar or class folder for the compiler and the runtime; kept across restarts. */
    public void addToClasspath(String path) {
        engine().jshell().addToClasspath(path);
        extraClasspath.add(path);
    }

    public List<String> extraClasspath() {
        return List.copyOf(extraClasspath);
    }

    /** Notes the declarations one eval made, overwrote or dropped (all kinds of code: any may overwrite). */
    public void observeDeclarations(Engine engine, List<SnippetEvent> events) {
        declarations.observe(engine, origins, events);
    }

    /** What the cells declared so far becomes what a restart replays. */
    public void captureDeclarations(Engine engine) {
        if (engine.alive()) {
            declarations.capture();
        }
    }

    /** Starts the next engine ahead of a restart, so the restart takes less time. */
    synchronized void startReplacement() {
        if (replacement == null) {
            replacement = launch();
        }
    }

    /** The interrupted cell stopped without a kill: a replacement started in case it would not is not needed. */
    synchronized void discardReplacement() {
        if (replacement != null) {
            replacement.thenAccept(Engine::close);
            replacement = null;
        }
    }

    /** A fresh runtime with nothing replayed and no extra class path: the notebook starts over. */
    public synchronized void reset() {
        declarations.clear();
        extraClasspath.clear();
        discardReplacement();
        if (current != null) {
            current.thenAccept(Engine::close);
        }
        current = launch();
        engine();
    }

    /** Replaces a dead (or killed) engine with a fresh one holding the same declarations. */
    public synchronized Replay restart() {
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
        if (engine.alive()) {
            declarations.rebuild(engine, origins);
        }
        return new Replay(replayed, reset, failed);
    }

    public synchronized void shutdown() {
        if (replacement != null) {
            replacement.thenAccept(Engine::close);
        }
        CompletableFuture<Engine> engine = current;
        if (engine != null) {
            engine.thenAccept(Engine::close);
        }
    }
}
