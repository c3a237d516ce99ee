package concurrencylab.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import concurrencylab.protocol.Message;
import concurrencylab.transport.Channel;

/** A request as a handler sees it: the message, the channel it came on, and typed access to its content. */
public record Request(Channel channel, Message message) {

    public JsonObject content() {
        return message.content();
    }

    public String string(String key, String fallback) {
        JsonElement value = content().get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        JsonElement value = content().get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                ? value.getAsBoolean() : fallback;
    }

    public int integer(String key, int fallback) {
        JsonElement value = content().get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                ? value.getAsInt() : fallback;
    }

    public JsonObject object(String key) {
        JsonElement value = content().get(key);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }
}
