package concurrencylab.kernel;

import com.google.gson.JsonObject;
import concurrencylab.spi.Interpreter;
import concurrencylab.spi.IsComplete;

/** {@code is_complete_request}. */
final class IsCompleteHandler implements Handler {

    private final Interpreter interpreter;

    IsCompleteHandler(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public Reply handle(Request request) {
        IsComplete answer = interpreter.isComplete(request.string("code", ""));
        JsonObject content = new JsonObject();
        content.addProperty("status", answer.status());
        if (answer.status().equals("incomplete")) {
            content.addProperty("indent", answer.indent());
        }
        return Reply.of(content);
    }
}
