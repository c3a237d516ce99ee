package concurrencylab.protocol;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A message header (Jupyter messaging protocol 5.3). */
public record Header(String msgId, String session, String username, String date, String msgType, String version) {

    public static final String PROTOCOL_VERSION = "5.3";

    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A fresh header for a message this kernel originates. */
    public static Header create(String msgType, String session) {
        return new Header(UUID.randomUUID().toString(), session, "kernel",
                ISO_MICROS.format(Instant.now()), msgType, PROTOCOL_VERSION);
    }

    /** Reads a header, naming the first missing field. */
    public static Header fromJson(JsonObject json) throws ProtocolException {
        return new Header(
                required(json, "msg_id"),
                optional(json, "session"),
                optional(json, "username"),
                optional(json, "date"),
                required(json, "msg_type"),
                optional(json, "version"));
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("msg_id", msgId);
        json.addProperty("session", session);
        json.addProperty("username", username);
        json.addProperty("date", date);
        json.addProperty("msg_type", msgType);
        json.addProperty("version", version);
        return json;
    }

    private static String required(JsonObject json, String field) throws ProtocolException {
        if (!json.has(field) || !json.get(field).isJsonPrimitive()) {
            throw new ProtocolException("header lacks '" + field + "'");
        }
        return json.get(field).getAsString();
    }

    private static String optional(JsonObject json, String field) {
        return json.has(field) && json.get(field).isJsonPrimitive() ? json.get(field).getAsString() : "";
    }
}
