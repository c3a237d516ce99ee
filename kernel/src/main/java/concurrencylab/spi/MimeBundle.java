package concurrencylab.spi;

import com.google.gson.JsonObject;

/**
 * A Jupyter mime bundle: {@code data} keyed by mime type, plus {@code metadata}.
 * Every bundle the kernel publishes carries {@code text/plain}.
 */
public record MimeBundle(JsonObject data, JsonObject metadata) {

    public MimeBundle {
        data = data == null ? new JsonObject() : data;
        metadata = metadata == null ? new JsonObject() : metadata;
    }

    public static MimeBundle text(String plain) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", plain);
        return new MimeBundle(data, new JsonObject());
    }
}
