package concurrencylab.cells;

import concurrencylab.engine.SnippetOrigins;
import concurrencylab.agent.wire.ResultMarker;
import concurrencylab.engine.CellInput;
import concurrencylab.engine.CellRouter;
import concurrencylab.engine.Engine;
import concurrencylab.engine.RuntimeConnection;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.engine.supervision.RestartReport;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome.ErrorInfo;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.MimeBundle;
import java.util.List;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Runs Java code of one cell: snippet by snippet, stopping at the first error; the value of the last
 * expression is the result. Waits until the runtime has delivered all output written so far.
 */
public final class CellExecution {

    /** How long to wait for the runtime to deliver pending output at the end of a cell. */
    private static final long BARRIER_TIMEOUT_MILLIS = 5_000;
    /** How long an interrupted cell waits for the runtime's list of deadlocks. */
    private static final long DEADLOCK_SURVEY_TIMEOUT_MILLIS = 1_000;

    private final EngineSupervisor supervisor;
    private final SnippetOrigins origins;
    private final CellRouter cells;
    private final CellInput input;

    public CellExecution(EngineSupervisor supervisor, SnippetOrigins origins, CellRouter cells, CellInput input) {
        this.supervisor = supervisor;
        this.origins = origins;
        this.cells = cells;
        this.input = input;
    }

    /** What the code is: a user's cell, code the kernel generated, or a {@code user_expressions} entry. */
    public enum Kind {
        /** Declarations are kept for replay after a restart; output goes to the cell. */
        USER,
        /** Not replayed after a restart; output goes to the cell. */
        INTERNAL,
        /** Evaluated quietly: does not become the cell that unclaimed output goes to. */
        EXPRESSION
    }

    /** @param lineShift cell lines before {@code code} (when a magic passes on part of the cell) */
    public ExecuteOutcome run(String code, int lineShift, CellContext cell, Kind kind) {
        // Begun before waiting for the engine, so an interrupt while the runtime still starts ends the cell.
        EngineSupervisor.Running running = supervisor.begin(cell);
        try {
            Engine engine = readyEngine(cell, running);
            if (engine == null) {
                return interrupted();
            }
            boolean keepDeclarations = kind == Kind.USER;
            if (kind != Kind.EXPRESSION) {
                cells.register(cell);
                input.runningCell(cell);
                engine.enterCell(cell.cellId());
            }
            ExecuteOutcome outcome = runPieces(engine, new CellText(code), lineShift, cell, running, kind);
            if (!engine.alive()) {
                return recover(engine, cell, running);
            }
            engine.runtime().sideChannel().barrier(BARRIER_TIMEOUT_MILLIS);
            if (running.stopRequested) {
                reportDeadlocks(engine, cell);
            }
            if (keepDeclarations) {
                supervisor.captureDeclarations(engine);
            }
            return withInputRefusal(outcome);
        } finally {
            supervisor.end(running);
            input.runningCell(null);
        }
    }

    private ExecuteOutcome runPieces(Engine engine, CellText text, int lineShift, CellContext cell,
                                     EngineSupervisor.Running running, Kind kind) {
        JShell jshell = engine.jshell();
        List<Piece> pieces = CellSplitter.split(engine.analysis(), text.text());
        MimeBundle result = null;
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            if (running.stopRequested) {
                return interrupted();
            }
            List<SnippetEvent> events;
            try {
                origins.evaluating(cell.executionCount(), text.lineOf(piece.offset()) + lineShift);
                events = jshell.eval(piece.source());
            } catch (IllegalStateException closed) {
                return null; // JShell closed down: its runtime is gone, and the caller recovers
            }
            if (!engine.alive()) {
                return null;
            }
            SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
            if (main == null) {
                continue;
            }
            Snippet snippet = main.snippet();
            origins.record(snippet.id(), cell.executionCount(), text.lineOf(piece.offset()) + lineShift);
            if (kind != Kind.USER) {
                origins.markNotReplayed(snippet.id());
            }
            if (main.status() == Snippet.Status.REJECTED) {
                List<jdk.jshell.Diag> diagnostics = jshell.diagnostics(snippet).toList();
                if (diagnostics.isEmpty() && !(snippet instanceof DeclarationSnippet)) {
                    List<String> unresolved = unresolvedNames(jshell, events);
                    if (!unresolved.isEmpty()) {
                        return ExecuteOutcome.failed(ErrorReports.unresolved("this code", unresolved));
                    }
                }
                return ExecuteOutcome.failed(ErrorReports.compileError(text, lineShift, piece, diagnostics));
            }
            if (running.stopRequested) {
                return interrupted();
            }
            if (main.exception() != null) {
                return ExecuteOutcome.failed(ErrorReports.exception(main.exception(), origins, cell.executionCount()));
            }
            if (snippet instanceof DeclarationSnippet declaration && main.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                List<String> missing = jshell.unresolvedDependencies(declaration).toList();
                cell.stream("stderr", declaration.name() + " is declared, but cannot be used until "
                        + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " declared\n");
            }
            if (i == pieces.size() - 1 && showsValue(snippet) && main.value() != null && !isDisplayCall(piece)) {
                result = valueBundle(engine, main.value());
            }
        }
        return ExecuteOutcome.ok(result);
    }

    private static List<String> unresolvedNames(JShell jshell, List<SnippetEvent> events) {
        return events.stream()
                .map(SnippetEvent::snippet)
                .filter(s -> s instanceof DeclarationSnippet)
                .flatMap(s -> jshell.unresolvedDependencies((DeclarationSnippet) s))
                .distinct()
                .toList();
    }

    /** {@code display(x)} as the last line shows x; the display id it returns is not shown again. */
    private static boolean isDisplayCall(Piece piece) {
        return piece.source().strip().matches("(?s)(Display\\.)?display\\(.*");
    }

    private static boolean showsValue(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private static MimeBundle valueBundle(Engine engine, String value) {
        String token = ResultMarker.token(value);
        if (token == null) {
            return MimeBundle.text(value);
        }
        // The runtime sent the bundle ahead of the reply; the barrier makes sure it has arrived.
        engine.runtime().sideChannel().barrier(BARRIER_TIMEOUT_MILLIS);
        MimeBundle rich = engine.runtime().sideChannel().takeResult(token);
        return rich != null ? rich : MimeBundle.text(ResultMarker.plain(value));
    }

    /** An interrupt cannot end threads blocked in a deadlock: the cell says which are, and on what. */
    private static void reportDeadlocks(Engine engine, CellContext cell) {
        com.google.gson.JsonObject survey = engine.runtime().sideChannel().deadlocks(DEADLOCK_SURVEY_TIMEOUT_MILLIS);
        String deadlocks = survey == null ? "" : ThreadReport.deadlocks(survey);
        if (!deadlocks.isEmpty()) {
            cell.stream("stderr", deadlocks + "The interrupt cannot end deadlocked threads: they keep their locks"
                    + " until the kernel is restarted. %threads shows the threads that are left.\n");
        }
    }

    /** A failure that follows a refused read of System.in says so (readers like Scanner hide the cause). */
    private ExecuteOutcome withInputRefusal(ExecuteOutcome outcome) {
        String refusal = input.refusal();
        if (outcome.succeeded() || refusal == null || outcome.error().evalue().contains(refusal)) {
            return outcome;
        }
        ErrorInfo error = outcome.error();
        List<String> traceback = new java.util.ArrayList<>(error.traceback());
        traceback.add("Reading System.in failed: " + refusal);
        return ExecuteOutcome.failed(new ErrorInfo(error.ename(),
                error.evalue() + " (reading System.in failed: " + refusal + ")", traceback));
    }

    private static ExecuteOutcome interrupted() {
        return ExecuteOutcome.failed(new ErrorInfo("Interrupted", "the cell was interrupted",
                List.of("Interrupted: the cell was stopped")));
    }

    /** The runtime is gone: say why, start a fresh one with the declarations, and tell the cell what survived. */
    private ExecuteOutcome recover(Engine engine, CellContext cell, EngineSupervisor.Running running) {
        RuntimeConnection runtime = engine.runtime();
        runtime.awaitExit(1_000);
        String ename = running.killed ? "Interrupted" : "RuntimeDied";
        String cause = running.killed
                ? "the cell did not stop within " + String.format(java.util.Locale.ROOT, "%.1f", EngineSupervisor.KILL_AFTER_MILLIS / 1000.0)
                        + " s of the interrupt (a loop inside JDK code or a deadlock), so its runtime JVM was killed"
                : "the runtime JVM ended while the cell ran (" + RestartReport.exitDescription(runtime) + ")";
        running.replaced = true;
        cell.stream("stderr", RestartReport.message(cause, supervisor.restart()));
        return ExecuteOutcome.failed(new ErrorInfo(ename, cause, List.of(ename + ": " + cause)));
    }

    /** The runtime ended between cells (a background thread called System.exit, say): restart before this cell. */
    private Engine readyEngine(CellContext cell, EngineSupervisor.Running running) {
        Engine engine = supervisor.engine(running);
        if (engine == null || engine.alive()) {
            return engine;
        }
        engine.runtime().awaitExit(1_000);
        String cause = "the runtime JVM ended after the previous cell (" + RestartReport.exitDescription(engine.runtime()) + ")";
        cell.stream("stderr", RestartReport.message(cause, supervisor.restart()));
        return supervisor.engine();
    }
}
