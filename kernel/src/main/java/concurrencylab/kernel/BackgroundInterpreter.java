package concurrencylab.kernel;

import concurrencylab.spi.CellContext;
import concurrencylab.spi.Completion;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.ExpressionValue;
import concurrencylab.spi.Inspection;
import concurrencylab.spi.Interpreter;
import concurrencylab.spi.IsComplete;
import concurrencylab.spi.LanguageInfo;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Builds the real interpreter off the critical path of start-up: its constructor loads the magics
 * and the Java compiler, while {@code kernel_info} must be answered at once. Every call but
 * {@link #languageInfo()} waits for it.
 */
public final class BackgroundInterpreter implements Interpreter {

    private final CompletableFuture<Interpreter> real;
    private final LanguageInfo languageInfo = LanguageInfo.java(Runtime.version().toString());
    /** Completed by an interrupt that arrives while a cell waits for the interpreter to exist. */
    private volatile CompletableFuture<Void> interruptWhileWaiting;

    public BackgroundInterpreter(Supplier<Interpreter> factory) {
        this.real = CompletableFuture.supplyAsync(() -> {
            Interpreter interpreter = factory.get();
            interpreter.start();
            return interpreter;
        }, runnable -> {
            Thread thread = new Thread(runnable, "concurrency-lab-interpreter-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private Interpreter real() {
        return real.join();
    }

    @Override
    public void start() {
        // started in the constructor
    }

    @Override
    public LanguageInfo languageInfo() {
        return languageInfo;
    }

    @Override
    public ExecuteOutcome execute(String code, CellContext cell) {
        if (!real.isDone()) {
            CompletableFuture<Void> interrupted = new CompletableFuture<>();
            interruptWhileWaiting = interrupted;
            CompletableFuture.anyOf(real, interrupted).join();
            interruptWhileWaiting = null;
            if (interrupted.isDone()) {
                String message = "interrupted while the Java engine was starting; nothing in this cell ran";
                return ExecuteOutcome.failed(new ExecuteOutcome.ErrorInfo("Interrupted", message, java.util.List.of("Interrupted: " + message)));
            }
        }
        return real().execute(code, cell);
    }

    @Override
    public ExpressionValue evaluateExpression(String expression) {
        return real().evaluateExpression(expression);
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        return real().complete(code, cursorPos);
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        return real().inspect(code, cursorPos, detailLevel);
    }

    @Override
    public IsComplete isComplete(String code) {
        return real().isComplete(code);
    }

    /** Before the interpreter exists, an interrupt ends the cell waiting for it; it is not kept for later cells. */
    @Override
    public void interrupt() {
        CompletableFuture<Void> waiting = interruptWhileWaiting;
        if (waiting != null) {
            waiting.complete(null);
        }
        if (real.isDone()) {
            real().interrupt();
        }
    }

    @Override
    public void shutdown(boolean restart) {
        real.thenAccept(interpreter -> interpreter.shutdown(restart));
    }
}
