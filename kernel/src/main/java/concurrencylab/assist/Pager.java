package concurrencylab.assist;

import com.google.gson.JsonObject;
import concurrencylab.spi.MimeBundle;

/** {@code EXPR?} cells: documentation shown in the front end's pager, as IPython does. */
public final class Pager {

    private Pager() {
    }

    /** The expression a cell asks about, or null when the cell is not such a question. */
    public static String target(String code) {
        String trimmed = code.strip();
        if (!trimmed.endsWith("?") || trimmed.contains("\n")) {
            return null;
        }
        String target = trimmed.replaceAll("\\?+$", "").strip();
        if (target.isEmpty() || !target.matches("[\\p{L}_$][\\p{L}\\p{N}_$.()<>,\\s]*")) {
            return null;
        }
        return target;
    }

    public static JsonObject payload(MimeBundle bundle) {
        JsonObject payload = new JsonObject();
        payload.addProperty("source", "page");
        payload.add("data", bundle.data());
        payload.addProperty("start", 0);
        return payload;
    }
}
