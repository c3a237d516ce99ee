package concurrencylab.display;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * All renderers in the runtime: the built-in one, then those found with {@link ServiceLoader}. A bundle is
 * Jupyter's pair {@code {"data": {mime: content}, "metadata": {mime: {...}}}}, as display_data carries it.
 */
public final class Renderers {

    private static final List<Renderer> ALL = load();
    private static final Gson GSON = new Gson();

    private Renderers() {
    }

    private static List<Renderer> load() {
        List<Renderer> renderers = new ArrayList<>();
        renderers.add(new BuiltinRenderer());
        ServiceLoader.load(Renderer.class).forEach(renderers::add);
        return List.copyOf(renderers);
    }

    /**
     * The bundle of a value that some renderer shows richly, or null when plain text is all there is.
     * {@code text/plain} is added from {@code plain} when the renderer gave none.
     */
    public static JsonObject rich(Object value, String requestedMime, String plain) {
        if (value == null) {
            return null;
        }
        for (Renderer renderer : ALL) {
            MimeData rendered;
            try {
                rendered = renderer.renderWithMetadata(value, requestedMime);
            } catch (Exception e) {
                rendered = MimeData.of(Map.of("text/plain", plain + "\n(rendering failed: " + e + ")"));
            }
            if (rendered != null && !rendered.data().isEmpty()) {
                JsonObject data = new JsonObject();
                rendered.data().forEach(data::addProperty);
                if (!data.has("text/plain")) {
                    data.addProperty("text/plain", plain);
                }
                return bundle(data, GSON.toJsonTree(rendered.metadata()).getAsJsonObject());
            }
        }
        return null;
    }

    /** Rich when possible, else text: for {@code display(...)}, which always shows something. */
    public static JsonObject bundle(Object value, String requestedMime) {
        String plain = String.valueOf(value);
        if (requestedMime != null && value instanceof CharSequence text) {
            JsonObject data = new JsonObject();
            data.addProperty(requestedMime, text.toString());
            if (!data.has("text/plain")) {
                data.addProperty("text/plain", plain);
            }
            return bundle(data, new JsonObject());
        }
        JsonObject rich = rich(value, requestedMime, plain);
        if (rich != null) {
            return rich;
        }
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", plain);
        return bundle(data, new JsonObject());
    }

    private static JsonObject bundle(JsonObject data, JsonObject metadata) {
        JsonObject bundle = new JsonObject();
        bundle.add("data", data);
        bundle.add("metadata", metadata);
        return bundle;
    }
}
