package concurrencylab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** {@code history_request}: tail, range and search over {@link History}. */
final class HistoryHandler implements Handler {

    private final History history;

    HistoryHandler(History history) {
        this.history = history;
    }

    @Override
    public Reply handle(Request request) {
        List<History.Entry> entries = switch (request.string("hist_access_type", "tail")) {
            case "range" -> history.range(request.integer("session", 0), request.integer("start", 0), request.integer("stop", 0));
            case "search" -> history.search(request.string("pattern", "*"), request.integer("n", 0), request.bool("unique", false));
            default -> history.tail(request.integer("n", 10));
        };
        JsonArray rows = new JsonArray();
        boolean withOutput = request.bool("output", false);
        for (History.Entry entry : entries) {
            JsonArray row = new JsonArray();
            row.add(entry.session());
            row.add(entry.line());
            if (withOutput) {
                // Outputs are not kept (they can be large images); the pair form still tells clients "no output".
                JsonArray pair = new JsonArray();
                pair.add(entry.input());
                pair.add((String) null);
                row.add(pair);
            } else {
                row.add(entry.input());
            }
            rows.add(row);
        }
        JsonObject content = new JsonObject();
        content.add("history", rows);
        return Reply.of(content);
    }
}
