package concurrencylab.display;

import java.util.Map;

/**
 * Turns a value into mime data, inside the runtime JVM. Found with {@link java.util.ServiceLoader},
 * so modules add renderers (the magics module renders XChart charts) without the core knowing them.
 */
public interface Renderer {

    /**
     * Renders {@code value}, or returns null when this renderer does not handle it.
     *
     * @param requestedMime a mime type the caller asked for (for example {@code image/svg+xml}), or null for the default
     * @return mime type to content: text as is, binary formats base64-encoded; {@code text/plain} is added by the caller when missing
     */
    Map<String, String> render(Object value, String requestedMime) throws Exception;

    /**
     * {@link #render} with Jupyter display metadata beside the content; what the notebook gets. A renderer that
     * has metadata to give (an image's display size) overrides this; the default gives none.
     */
    default MimeData renderWithMetadata(Object value, String requestedMime) throws Exception {
        Map<String, String> data = render(value, requestedMime);
        return data == null ? null : MimeData.of(data);
    }
}
