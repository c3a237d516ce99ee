package concurrencylab.jshell;

import concurrencylab.core.CellContext;
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

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EngineSupervisor.class.getName());

    /** How long a stopped cell may take to end before its runtime is killed. */
    static final long KILL_AFTER_MILLIS = 1_500;
    /**
     * A cell still running this long after the interrupt will probably be killed: its replacement runtime
     * starts booting now, so the restart after the kill takes less time.
     */
    static final long PREPARE_REPLACEMENT_AFTER_MILLIS = 400;
    /** How long the runtime is watched after an interrupted cell ended, for threads no stop check reaches. */
    static final long WATCH_AFTER_INTERRUPT_MILLIS = 1_000;
    /**
     * A runtime this busy with no cell running after an interrupt is restarted. An idle runtime uses
     * about 0.01 core; a thread looping flat out gets far less than a core when the machine is loaded.
     */
    static final double BUSY_CORES_AFTER_INTERRUPT = 0.3;

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
    /** Counts cells begun, so a watch knows whether a cell started (and maybe ended) meanwhile. */
    private long cellsBegun;

    /** A cell in progress, and what has been done to stop it. */
    static final class Running {
        /** The cell itself: it may still be told what happened after its reply. */
        final CellContext context;
        /** Completes on interrupt, so a cell still waiting for its engine ends at once. */
        final CompletableFuture<Void> stopSignal = new CompletableFuture<>();
        volatile boolean stopRequested;
        volatile boolean killed;
        /** The cell's runtime ended and was replaced while it ran: there is nothing left to watch. */
        volatile boolean replaced;
        volatile ScheduledFuture<?> escalation;
        volatile ScheduledFuture<?> preparation;
        /** Runs inside this cell that have begun and not yet ended, beyond the first. */
        int depth;

        Running(CellContext context) {
            this.context = context;
        }
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

    /**
     * Synchronized with the watch after an interrupt: a cell that has begun is never killed by it.
     * A run inside a running cell (a magic running Java, say) joins it, so an interrupt between two
     * such runs still ends the cell.
     */
    synchronized Running begin(CellContext context) {
        Running cell = running;
        if (cell != null) {
            cell.depth++;
            return cell;
        }
        cellsBegun++;
        cell = new Running(context);
        running = cell;
        if (context.interruptRequested()) { // interrupted before it began: checked after running is set
            cell.stopRequested = true;
            cell.stopSignal.complete(null);
        }
        return cell;
    }

    void end(Running cell) {
        synchronized (this) {
            if (cell.depth > 0) {
                cell.depth--;
                return;
            }
        }
        for (ScheduledFuture<?> pending : new ScheduledFuture<?>[] {cell.escalation, cell.preparation}) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
        running = null;
        if (cell.stopRequested && !cell.killed && !cell.replaced) {
            watchAfterInterrupt(cell);
        } else if (!cell.killed) {
            discardReplacement();
        }
    }

    /**
     * Tier 1 stops only code with stop checks: a thread the cell started may still loop inside JDK code.
     * If the runtime stays busy for a second with no cell running, it is restarted like tier 2.
     */
    private void watchAfterInterrupt(Running cell) {
        CompletableFuture<Engine> engine = current;
        if (engine == null || !engine.isDone() || engine.isCompletedExceptionally()) {
            discardReplacement();
            return;
        }
        Engine live = engine.join();
        if (!live.alive()) {
            return;
        }
        long begun;
        synchronized (this) {
            begun = cellsBegun;
        }
        ProcessHandle runtime = live.runtime().process().toHandle();
        CpuSample start = CpuSample.of(runtime);
        timer.schedule(() -> restartIfStillBusy(cell, live, begun, runtime, start),
                WATCH_AFTER_INTERRUPT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void restartIfStillBusy(Running cell, Engine live, long begun, ProcessHandle runtime, CpuSample start) {
        if (running != null || cellsBegun != begun || current.getNow(null) != live || !live.alive()) {
            discardReplacement();
            return; // a cell started meanwhile: what the runtime does now may be that cell's work
        }
        double busy = CpuSample.of(runtime).coresSince(start);
        if (busy < BUSY_CORES_AFTER_INTERRUPT) {
            discardReplacement();
            return;
        }
        live.runtime().terminate();
        startReplacement();
        String cause = String.format(java.util.Locale.ROOT, "after the interrupt, threads of this cell kept %.1f cores busy"
                + " inside code that cannot be stopped (a loop inside JDK code, say), so its runtime JVM was killed", busy);
        try {
            cell.context.stream("stderr", RestartReport.message(cause, restart()));
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "could not restart the runtime after an interrupt", e);
        }
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
        live.runtime().control().stop();
        if (cell.escalation == null) {
            cell.preparation = timer.schedule(() -> {
                if (running == cell) {
                    startReplacement();
                }
            }, PREPARE_REPLACEMENT_AFTER_MILLIS, TimeUnit.MILLISECONDS);
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

    /** Notes the declarations one eval made, overwrote or dropped (all kinds of code: any may overwrite). */
    void observeDeclarations(Engine engine, List<SnippetEvent> events) {
        declarations.observe(engine, origins, events);
    }

    /** What the cells declared so far becomes what a restart replays. */
    void captureDeclarations(Engine engine) {
        if (engine.alive()) {
            declarations.capture();
        }
    }

    /** Starts the next engine ahead of a restart, so the restart takes less time. */
    private synchronized void startReplacement() {
        if (replacement == null) {
            replacement = launch();
        }
    }

    /** The interrupted cell stopped without a kill: a replacement started in case it would not is not needed. */
    private synchronized void discardReplacement() {
        if (replacement != null) {
            replacement.thenAccept(Engine::close);
            replacement = null;
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
        if (engine.alive()) {
            declarations.rebuild(engine, origins);
        }
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
