package concurrencylab.display;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** All renderers in the runtime: the built-in one, then those found with {@link ServiceLoader}. */
public final class Renderers {

    private static final List<Renderer> ALL = load();

    private Renderers() {
    }

    private static List<Renderer> load() {
        List<Renderer> renderers = new ArrayList<>();
        renderers.add(new BuiltinRenderer());
        ServiceLoader.load(Renderer.class).forEach(renderers::add);
        return List.copyOf(renderers);
    }

    /**
     * The mime data of a value that some renderer shows richly, or null when plain text is all there is.
     * {@code text/plain} is added from {@code plain} when the renderer gave none.
     */
    public static JsonObject rich(Object value, String requestedMime, String plain) {
        if (value == null) {
            return null;
        }
        for (Renderer renderer : ALL) {
            Map<String, String> data;
            try {
                data = renderer.render(value, requestedMime);
            } catch (Exception e) {
                data = Map.of("text/plain", plain + "\n(rendering failed: " + e + ")");
            }
            if (data != null && !data.isEmpty()) {
                JsonObject bundle = new JsonObject();
                data.forEach(bundle::addProperty);
                if (!bundle.has("text/plain")) {
                    bundle.addProperty("text/plain", plain);
                }
                return bundle;
            }
        }
        return null;
    }

    /** Rich when possible, else text: for {@code display(...)}, which always shows something. */
    public static JsonObject bundle(Object value, String requestedMime) {
        String plain = String.valueOf(value);
        if (requestedMime != null && value instanceof CharSequence text) {
            JsonObject bundle = new JsonObject();
            bundle.addProperty(requestedMime, text.toString());
            if (!bundle.has("text/plain")) {
                bundle.addProperty("text/plain", plain);
            }
            return bundle;
        }
        JsonObject rich = rich(value, requestedMime, plain);
        if (rich != null) {
            return rich;
        }
        JsonObject text = new JsonObject();
        text.addProperty("text/plain", plain);
        return text;
    }
}
