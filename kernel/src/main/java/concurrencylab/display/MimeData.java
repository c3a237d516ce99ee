package concurrencylab.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link Renderer} made of a value: the content by mime type (text as is, binary formats base64-encoded)
 * and Jupyter's display metadata by mime type. The metadata is how an image says the size to show it at: a PNG
 * drawn at twice its size stays sharp in print and shows at its own size on screen.
 */
public record MimeData(Map<String, String> data, Map<String, Map<String, Object>> metadata) {

    public MimeData {
        // in the order given: the notebook's JSON reads as the renderer wrote it
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata));
    }

    /** Content without metadata. */
    public static MimeData of(Map<String, String> data) {
        return new MimeData(data, Map.of());
    }

    /** The same content, with {@code mime} shown at {@code width}×{@code height} (CSS pixels), whatever its pixel size. */
    public MimeData shownAt(String mime, int width, int height) {
        Map<String, Map<String, Object>> sized = new LinkedHashMap<>(metadata);
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("width", width);
        size.put("height", height);
        sized.put(mime, Collections.unmodifiableMap(size));
        return new MimeData(data, sized);
    }
}
