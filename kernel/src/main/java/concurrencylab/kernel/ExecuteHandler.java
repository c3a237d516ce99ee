package concurrencylab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import concurrencylab.protocol.Message;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.ExpressionValue;
import concurrencylab.spi.Interpreter;
import concurrencylab.transport.Transport;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code execute_request}: owns the execution count, {@code execute_input}, {@code execute_result},
 * {@code error}, history and {@code user_expressions}; the interpreter only runs the code.
 */
final class ExecuteHandler implements Handler {

    private final Interpreter interpreter;
    private final IoPub iopub;
    private final Transport transport;
    private final History history;
    private final String session;
    private final long outputLimit = OutputBudget.limitFromEnvironment();
    private final AtomicReference<KernelCell> running = new AtomicReference<>();
    private int executionCount;

    ExecuteHandler(Interpreter interpreter, IoPub iopub, Transport transport, History history, String session) {
        this.interpreter = interpreter;
        this.iopub = iopub;
        this.transport = transport;
        this.history = history;
        this.session = session;
    }

    @Override
    public Reply handle(Request request) {
        Message message = request.message();
        String code = request.string("code", "");
        boolean silent = request.bool("silent", false);
        boolean storeHistory = !silent && request.bool("store_history", true);
        if (storeHistory) {
            executionCount++;
            history.add(executionCount, code);
        }
        int count = executionCount;
        JsonObject parent = message.header().toJson();
        // Running before execute_input is published: an interrupt sent on seeing it must find the cell.
        KernelCell cell = new KernelCell(message, session, iopub, transport, count, silent, request.bool("allow_stdin", true), new OutputBudget(outputLimit));
        running.set(cell);
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            iopub.publish("execute_input", parent, input);
        }

        ExecuteOutcome outcome;
        try {
            outcome = interpreter.execute(code, cell);
        } finally {
            running.set(null);
        }

        JsonObject content = new JsonObject();
        content.addProperty("execution_count", count);
        if (outcome.succeeded()) {
            if (outcome.result() != null && !silent) {
                JsonObject result = new JsonObject();
                result.addProperty("execution_count", count);
                result.add("data", outcome.result().data());
                result.add("metadata", outcome.result().metadata());
                iopub.publish("execute_result", parent, result);
            }
            content.addProperty("status", "ok");
            content.add("payload", cell.payloads());
            content.add("user_expressions", userExpressions(request.object("user_expressions")));
            return Reply.of(content);
        }
        JsonObject error = errorContent(outcome.error());
        iopub.publish("error", parent, error);
        content.addProperty("status", "error");
        error.entrySet().forEach(e -> content.add(e.getKey(), e.getValue()));
        return Reply.of(content);
    }

    /** Interrupts the running cell, if any: ends a wait for input, then lets the interpreter stop the code. */
    void interrupt() {
        KernelCell cell = running.get();
        if (cell != null) {
            cell.cancel();
        }
        interpreter.interrupt();
    }

    int executionCount() {
        return executionCount;
    }

    private JsonObject userExpressions(JsonObject expressions) {
        JsonObject values = new JsonObject();
        for (Map.Entry<String, com.google.gson.JsonElement> entry : expressions.entrySet()) {
            ExpressionValue value = interpreter.evaluateExpression(entry.getValue().getAsString());
            JsonObject answer;
            if (value.error() == null) {
                answer = new JsonObject();
                answer.addProperty("status", "ok");
                answer.add("data", value.value().data());
                answer.add("metadata", value.value().metadata());
            } else {
                answer = errorContent(value.error());
                answer.addProperty("status", "error");
            }
            values.add(entry.getKey(), answer);
        }
        return values;
    }

    static JsonObject errorContent(ExecuteOutcome.ErrorInfo error) {
        JsonObject content = new JsonObject();
        content.addProperty("ename", error.ename());
        content.addProperty("evalue", error.evalue());
        JsonArray traceback = new JsonArray();
        error.traceback().forEach(traceback::add);
        content.add("traceback", traceback);
        return content;
    }
}
