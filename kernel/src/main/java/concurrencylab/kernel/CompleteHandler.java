package concurrencylab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import concurrencylab.spi.Completion;
import concurrencylab.spi.Interpreter;

/** {@code complete_request}. */
final class CompleteHandler implements Handler {

    private final Interpreter interpreter;

    CompleteHandler(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public Reply handle(Request request) {
        String code = request.string("code", "");
        int cursor = CursorPositions.toJavaIndex(code, request.integer("cursor_pos", code.codePointCount(0, code.length())));
        Completion completion = interpreter.complete(code, cursor);
        JsonObject content = new JsonObject();
        JsonArray matches = new JsonArray();
        completion.matches().forEach(matches::add);
        content.add("matches", matches);
        content.addProperty("cursor_start", CursorPositions.toCodePoints(code, completion.cursorStart()));
        content.addProperty("cursor_end", CursorPositions.toCodePoints(code, completion.cursorEnd()));
        content.add("metadata", new JsonObject());
        return Reply.of(content);
    }
}
