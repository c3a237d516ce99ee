package concurrencylab.kernel;

import com.google.gson.JsonObject;
import concurrencylab.spi.Inspection;
import concurrencylab.spi.Interpreter;
import concurrencylab.spi.MimeBundle;

/** {@code inspect_request}. */
final class InspectHandler implements Handler {

    private final Interpreter interpreter;

    InspectHandler(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public Reply handle(Request request) {
        String code = request.string("code", "");
        int cursor = CursorPositions.toJavaIndex(code, request.integer("cursor_pos", code.codePointCount(0, code.length())));
        Inspection inspection = interpreter.inspect(code, cursor, request.integer("detail_level", 0));
        JsonObject content = new JsonObject();
        content.addProperty("found", inspection.found());
        MimeBundle bundle = inspection.found() ? inspection.bundle() : new MimeBundle(null, null);
        content.add("data", bundle.data());
        content.add("metadata", bundle.metadata());
        return Reply.of(content);
    }
}
