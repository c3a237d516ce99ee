package concurrencylab.interpreter;

import com.google.gson.JsonObject;
import concurrencylab.assist.CodeAssist;
import concurrencylab.assist.Pager;
import concurrencylab.cells.CellExecution;
import concurrencylab.engine.SnippetFrames;
import concurrencylab.engine.SnippetOrigins;
import concurrencylab.engine.CellInput;
import concurrencylab.engine.CellRouter;
import concurrencylab.engine.Engine;
import concurrencylab.engine.RuntimeLauncher;
import concurrencylab.engine.supervision.CellRun;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.engine.supervision.InterruptPolicy;
import concurrencylab.magic.MagicDispatcher;
import concurrencylab.magic.MagicRegistry;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.Completion;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.ExpressionValue;
import concurrencylab.spi.Inspection;
import concurrencylab.spi.Interpreter;
import concurrencylab.spi.IsComplete;
import concurrencylab.spi.JavaSession;
import concurrencylab.spi.LanguageInfo;
import concurrencylab.spi.MimeBundle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Java on JShell, with cell code running in a supervised runtime JVM. Cells may hold magics
 * ({@code %%name} first line, {@code %name} lines) and {@code EXPR?} for documentation in the pager.
 */
public final class JShellInterpreter implements Interpreter {

    private final CellRouter cells = new CellRouter();
    private final CellInput input = new CellInput();
    private final SnippetOrigins origins = new SnippetOrigins();
    private final SnippetFrames frames = new SnippetFrames(origins);
    private final EngineSupervisor supervisor;
    private final InterruptPolicy interrupts;
    private final CellExecution execution;
    private final NotebookSession session;
    /**
     * Loaded on the engine's start thread: the registry reads every magic's declaration, which takes longer
     * than a kernel may take to answer {@code kernel_info}.
     */
    private final CompletableFuture<MagicDispatcher> magics = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean magicsLoading = new java.util.concurrent.atomic.AtomicBoolean();

    public JShellInterpreter() {
        this(RuntimeLauncher.optionsFromEnvironment());
    }

    /** With explicit JVM options for the runtime (tests use a smaller heap, for example). */
    public JShellInterpreter(List<String> runtimeOptions) {
        cells.rewriteFramesWith(frames);
        this.supervisor = new EngineSupervisor(cells, input, runtimeOptions, origins);
        this.interrupts = new InterruptPolicy(supervisor);
        this.execution = new CellExecution(supervisor, origins, input);
        this.session = new NotebookSession(execution, supervisor, interrupts);
        input.flushOutputWith(() -> supervisor.engine().sideChannel().barrier(1_000));
    }

    /** Starts the engine and loads the magics, both in the background: the kernel answers meanwhile. */
    @Override
    public void start() {
        supervisor.start();
        loadMagics();
    }

    private void loadMagics() {
        if (!magicsLoading.compareAndSet(false, true)) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                magics.complete(new MagicDispatcher(MagicRegistry.load(supervisor, interrupts, frames), session));
            } catch (RuntimeException | Error e) {
                magics.completeExceptionally(e);
            }
        }, "concurrency-lab-magics-load");
        loader.setDaemon(true);
        loader.start();
    }

    private MagicDispatcher magics() {
        loadMagics(); // for callers that never called start(): tests, say
        return magics.join();
    }

    @Override
    public LanguageInfo languageInfo() {
        return LanguageInfo.java(Runtime.version().toString());
    }

    /** Runs work as the cell's one run, as a magic's work runs inside its cell (for tests of the session). */
    <T> T withinCell(CellContext cell, java.util.function.Supplier<T> work) {
        CellRun run = interrupts.begin(cell);
        cells.register(cell);
        try {
            return work.get();
        } finally {
            interrupts.end(run);
        }
    }

    /** The session magics use; also for the core's tests. */
    public JavaSession session() {
        return session;
    }

    @Override
    public ExecuteOutcome execute(String code, CellContext cell) {
        // The cell's one run, begun before anything waits for the engine: an interrupt ends it at any point.
        CellRun run = interrupts.begin(cell);
        cells.register(cell);
        try {
            return executeCell(code, run);
        } catch (IllegalStateException e) {
            String message = e.getMessage() + " (the next cell tries again)";
            return ExecuteOutcome.failed(new ExecuteOutcome.ErrorInfo("RuntimeUnavailable", message, List.of(message)));
        } finally {
            interrupts.end(run);
        }
    }

    private ExecuteOutcome executeCell(String code, CellRun run) {
        if (code.isBlank()) {
            return ExecuteOutcome.ok(null);
        }
        if (magics().handles(code)) {
            return magics().run(code, run.context());
        }
        String pagerTarget = Pager.target(code);
        if (pagerTarget != null) {
            return page(pagerTarget, run.context());
        }
        return execution.run(code, 0, run, CellExecution.Kind.USER);
    }

    private ExecuteOutcome page(String target, CellContext cell) {
        Inspection inspection = CodeAssist.inspect(supervisor.engine().analysis(), target, target.length());
        if (!inspection.found()) {
            cell.stream("stdout", "Nothing known about `" + target + "`.\n");
            return ExecuteOutcome.ok(null);
        }
        cell.addPayload(Pager.payload(inspection.bundle()));
        return ExecuteOutcome.ok(null);
    }

    @Override
    public ExpressionValue evaluateExpression(String expression) {
        CellRun run = interrupts.begin(new QuietCell("user-expression"));
        ExecuteOutcome outcome;
        try {
            outcome = execution.run(expression, 0, run, CellExecution.Kind.EXPRESSION);
        } finally {
            interrupts.end(run);
        }
        if (!outcome.succeeded()) {
            return new ExpressionValue(null, outcome.error());
        }
        return new ExpressionValue(outcome.result() != null ? outcome.result() : MimeBundle.text(""), null);
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        int cursor = Math.max(0, Math.min(cursorPos, code.length()));
        if (magics().completes(code, cursor)) {
            return magics().complete(code, cursor);
        }
        return CodeAssist.complete(supervisor.engine().analysis(), code, cursor);
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        int cursor = Math.max(0, Math.min(cursorPos, code.length()));
        return CodeAssist.inspect(supervisor.engine().analysis(), code, cursor);
    }

    @Override
    public IsComplete isComplete(String code) {
        if (magics().handles(code) || Pager.target(code) != null) {
            return code.endsWith("\n\n") || !code.startsWith("%%") ? IsComplete.complete() : IsComplete.incomplete("");
        }
        Engine engine = supervisor.liveEngine();
        if (engine == null) {
            // The runtime JVM is still starting. jupyter console asks at the first Enter and, past one
            // second without an answer, stops asking the kernel for the whole session: answer now.
            return CodeAssist.isCompleteByBrackets(code);
        }
        return CodeAssist.isComplete(engine.analysis(), code);
    }

    /** Waits for the current runtime JVM to end on its own (for tests of recovery). */
    boolean awaitRuntimeExit(long millis) {
        return supervisor.engine().runtime().awaitExit(millis);
    }

    /** Variables JShell holds for expression values ($1, $2, ...) (for tests: cells drop them). */
    long valueVariables() {
        return supervisor.engine().jshell().variables()
                .filter(v -> v.subKind() == jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
                .count();
    }

    /** The current runtime JVM (for tests that measure it). */
    ProcessHandle runtimeProcess() {
        return supervisor.engine().runtime().process().toHandle();
    }

    @Override
    public void interrupt() {
        interrupts.interrupt();
    }

    @Override
    public void shutdown(boolean restart) {
        interrupts.shutdown();
        supervisor.shutdown();
    }

    /** A cell context for kernel-side evaluations whose output nobody sees. */
    private record QuietCell(String cellId) implements CellContext {
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public int executionCount() {
            return COUNT.get();
        }

        @Override
        public boolean silent() {
            return true;
        }

        @Override
        public boolean allowStdin() {
            return false;
        }

        @Override
        public void stream(String name, String text) {
        }

        @Override
        public void display(MimeBundle bundle, String displayId, boolean update) {
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public String readInput(String prompt, boolean password) throws concurrencylab.spi.StdinNotAllowedException {
            throw new concurrencylab.spi.StdinNotAllowedException();
        }

        @Override
        public void addPayload(JsonObject payload) {
        }
    }
}
