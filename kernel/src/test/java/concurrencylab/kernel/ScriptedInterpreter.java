package concurrencylab.kernel;

import concurrencylab.spi.CellContext;
import concurrencylab.spi.Completion;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.ExpressionValue;
import concurrencylab.spi.Inspection;
import concurrencylab.spi.Interpreter;
import concurrencylab.spi.IsComplete;
import concurrencylab.spi.LanguageInfo;
import concurrencylab.spi.MimeBundle;
import concurrencylab.spi.StdinNotAllowedException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny interpreter for testing the protocol core without Java: {@code print X} writes X to stdout,
 * {@code fail} raises an error, {@code input} reads a line, {@code block} waits until interrupted,
 * anything else is its own value.
 */
final class ScriptedInterpreter implements Interpreter {

    final AtomicInteger interrupts = new AtomicInteger();
    final AtomicInteger shutdowns = new AtomicInteger();
    private final CountDownLatch unblock = new CountDownLatch(1);

    @Override
    public void start() {
    }

    @Override
    public LanguageInfo languageInfo() {
        return LanguageInfo.java("25");
    }

    @Override
    public ExecuteOutcome execute(String code, CellContext cell) {
        if (code.startsWith("print ")) {
            cell.stream("stdout", code.substring(6) + "\n");
            return ExecuteOutcome.ok(null);
        }
        if (code.equals("fail")) {
            return ExecuteOutcome.failed(new ExecuteOutcome.ErrorInfo("Boom", "it failed", List.of("Boom: it failed")));
        }
        if (code.equals("input")) {
            try {
                return ExecuteOutcome.ok(MimeBundle.text(cell.readInput("name? ", false)));
            } catch (StdinNotAllowedException | InterruptedException e) {
                return ExecuteOutcome.failed(new ExecuteOutcome.ErrorInfo(e.getClass().getSimpleName(), e.getMessage(), List.of()));
            }
        }
        if (code.equals("page")) {
            com.google.gson.JsonObject payload = new com.google.gson.JsonObject();
            payload.addProperty("source", "page");
            cell.addPayload(payload);
            return ExecuteOutcome.ok(null);
        }
        return ExecuteOutcome.ok(MimeBundle.text(code));
    }

    @Override
    public ExpressionValue evaluateExpression(String expression) {
        return expression.equals("fail")
                ? new ExpressionValue(null, new ExecuteOutcome.ErrorInfo("Boom", "bad expression", List.of()))
                : new ExpressionValue(MimeBundle.text(expression.toUpperCase()), null);
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        return new Completion(List.of("println("), Math.max(0, cursorPos - 3), cursorPos);
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        return code.isEmpty() ? Inspection.notFound() : new Inspection(true, MimeBundle.text("doc of " + code));
    }

    @Override
    public IsComplete isComplete(String code) {
        return code.endsWith("{") ? IsComplete.incomplete("    ") : IsComplete.complete();
    }

    @Override
    public void interrupt() {
        interrupts.incrementAndGet();
        unblock.countDown();
    }

    @Override
    public void shutdown(boolean restart) {
        shutdowns.incrementAndGet();
    }
}
