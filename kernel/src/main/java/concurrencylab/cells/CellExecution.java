package concurrencylab.cells;

import concurrencylab.engine.SnippetOrigins;
import concurrencylab.agent.wire.ResultMarker;
import concurrencylab.engine.CellInput;
import concurrencylab.engine.Engine;
import concurrencylab.engine.RuntimeConnection;
import concurrencylab.engine.ThreadReport;
import concurrencylab.engine.supervision.CellRun;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.engine.supervision.InterruptPolicy;
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
 * expression is the result. Each snippet returns once the output written until it ended has reached the
 * cell (see {@link KernelExecutionControl}); output of threads that go on later still finds the cell.
 */
public final class CellExecution {

    /** How long to wait for the runtime to deliver pending output (after a stop, or a rich value that is late). */
    private static final long BARRIER_TIMEOUT_MILLIS = 5_000;
    /** How long an interrupted cell waits for the runtime's list of deadlocks. */
    private static final long DEADLOCK_SURVEY_TIMEOUT_MILLIS = 5_000;

    private final EngineSupervisor supervisor;
    private final SnippetOrigins origins;
    private final CellInput input;

    public CellExecution(EngineSupervisor supervisor, SnippetOrigins origins, CellInput input) {
        this.supervisor = supervisor;
        this.origins = origins;
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

    /**
     * Runs code within the cell's one run (begun by the caller before anything waits for the engine, so
     * an interrupt while the runtime still starts ends the cell).
     *
     * @param lineShift cell lines before {@code code} (when a magic passes on part of the cell)
     */
    public ExecuteOutcome run(String code, int lineShift, CellRun running, Kind kind) {
        CellContext cell = running.context();
        try {
            Engine engine = readyEngine(cell, running);
            if (engine == null) {
                return interrupted();
            }
            boolean keepDeclarations = kind == Kind.USER;
            if (kind != Kind.EXPRESSION) {
                input.runningCell(cell);
                engine.enterCell(cell.cellId());
            }
            ExecuteOutcome outcome;
            running.enterJava();
            try {
                outcome = runPieces(engine, new CellText(code), lineShift, cell, running, kind);
            } finally {
                running.leaveJava();
            }
            // Killed by tier 2 just as the cell ended: its runtime is on its way out even if still alive.
            if (running.killed() || !engine.alive()) {
                return recover(engine, cell, running);
            }
            if (running.stopRequested()) {
                // What the stopped threads printed comes first, then which of them could not be stopped.
                engine.sideChannel().barrier(BARRIER_TIMEOUT_MILLIS);
                reportDeadlocks(engine, cell);
            }
            if (keepDeclarations) {
                supervisor.captureDeclarations(engine);
            }
            return withInputRefusal(outcome);
        } finally {
            input.runningCell(null);
        }
    }

    private ExecuteOutcome runPieces(Engine engine, CellText text, int lineShift, CellContext cell,
                                     CellRun running, Kind kind) {
        JShell jshell = engine.jshell();
        List<Piece> pieces = CellSplitter.split(engine.analysis(), text.text());
        MimeBundle result = null;
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            if (running.stopRequested()) {
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
                supervisor.observeDeclarations(engine, events);
                continue;
            }
            Snippet snippet = main.snippet();
            origins.record(snippet.id(), cell.executionCount(), text.lineOf(piece.offset()) + lineShift);
            if (kind != Kind.USER) {
                origins.markNotReplayed(snippet.id());
            }
            supervisor.observeDeclarations(engine, events);
            dropValueVariable(jshell, main);
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
            if (running.stopRequested()) {
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

    /**
     * JShell keeps the value of each expression in a variable ($1, $2, ...) that every later snippet imports
     * and JShell checks again, so each cell would take longer and hold more memory than the one before. The
     * value has been taken from the event, and cells never show those names: the variable is dropped.
     */
    private static void dropValueVariable(JShell jshell, SnippetEvent main) {
        if (main.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && main.status().isActive()) {
            try {
                jshell.drop(main.snippet());
            } catch (IllegalStateException closed) {
                // the engine is gone; the caller notices
            }
        }
    }

    private static List<String> unresolvedNames(JShell jshell, List<SnippetEvent> events) {
        return events.stream()
                .map(SnippetEvent::snippet)
                .filter(s -> s instanceof DeclarationSnippet)
                .flatMap(s -> jshell.unresolvedDependencies((DeclarationSnippet) s))
                .distinct()
                .toList();
    }

    /**
     * {@code display(x)} as the last line shows x; the display id it returns is not shown again. A piece starts
     * where the previous statement ended, so it may begin with that line's trailing comment: comments are skipped.
     */
    private static boolean isDisplayCall(Piece piece) {
        return JavaComments.trim(piece.source()).matches("(?s)(Display\\.)?display\\(.*");
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
        // The runtime sent the bundle before the snippet's end, so it has arrived; if not, a barrier waits for it.
        MimeBundle rich = engine.sideChannel().takeResult(token);
        if (rich == null) {
            engine.sideChannel().barrier(BARRIER_TIMEOUT_MILLIS);
            rich = engine.sideChannel().takeResult(token);
        }
        return rich != null ? rich : MimeBundle.text(ResultMarker.plain(value));
    }

    /** An interrupt cannot end threads blocked in a deadlock: the cell says which are, and on what. */
    private static void reportDeadlocks(Engine engine, CellContext cell) {
        com.google.gson.JsonObject survey = engine.sideChannel().deadlocks(DEADLOCK_SURVEY_TIMEOUT_MILLIS);
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
    private ExecuteOutcome recover(Engine engine, CellContext cell, CellRun running) {
        RuntimeConnection runtime = engine.runtime();
        runtime.awaitExit(1_000);
        String ename = running.killed() ? "Interrupted" : "RuntimeDied";
        String cause = running.killed()
                ? "the cell did not stop within " + String.format(java.util.Locale.ROOT, "%.1f", InterruptPolicy.KILL_AFTER_MILLIS / 1000.0)
                        + " s of the interrupt (a loop inside JDK code or a deadlock), so its runtime JVM was killed"
                : "the runtime JVM ended while the cell ran (" + RestartReport.exitDescription(runtime) + ")";
        running.markReplaced();
        cell.stream("stderr", RestartReport.message(cause, supervisor.restart()));
        return ExecuteOutcome.failed(new ErrorInfo(ename, cause, List.of(ename + ": " + cause)));
    }

    /** The runtime ended between cells (a background thread called System.exit, say): restart before this cell. */
    private Engine readyEngine(CellContext cell, CellRun running) {
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
