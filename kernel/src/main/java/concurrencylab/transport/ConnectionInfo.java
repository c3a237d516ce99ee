package concurrencylab.transport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The connection file Jupyter writes for a kernel: where to bind and how to sign. */
public record ConnectionInfo(
        String transport,
        String ip,
        int shellPort,
        int iopubPort,
        int stdinPort,
        int controlPort,
        int hbPort,
        String signatureScheme,
        String key) {

    /** Reads and checks a connection file; the exception message is one line that names the problem. */
    public static ConnectionInfo load(Path file) throws InvalidConnectionFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidConnectionFileException(file, "no such file");
        } catch (IOException e) {
            throw new InvalidConnectionFileException(file, "cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        JsonObject json;
        try {
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new InvalidConnectionFileException(file, "not a JSON object");
            }
            json = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidConnectionFileException(file, "not valid JSON");
        }
        String transport = string(file, json, "transport", "tcp");
        if (!transport.equals("tcp")) {
            throw new InvalidConnectionFileException(file,
                    "transport '" + transport + "' is not supported; use \"transport\": \"tcp\"");
        }
        return new ConnectionInfo(
                transport,
                string(file, json, "ip", null),
                port(file, json, "shell_port"),
                port(file, json, "iopub_port"),
                port(file, json, "stdin_port"),
                port(file, json, "control_port"),
                port(file, json, "hb_port"),
                string(file, json, "signature_scheme", "hmac-sha256"),
                string(file, json, "key", ""));
    }

    /** {@code tcp://ip:port} for one of the ports. */
    public String endpoint(int port) {
        return transport + "://" + ip + ":" + port;
    }

    private static String string(Path file, JsonObject json, String key, String fallback) throws InvalidConnectionFileException {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            if (fallback == null) {
                throw new InvalidConnectionFileException(file, "lacks \"" + key + "\"");
            }
            return fallback;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new InvalidConnectionFileException(file, "\"" + key + "\" must be a string");
        }
        return value.getAsString();
    }

    private static int port(Path file, JsonObject json, String key) throws InvalidConnectionFileException {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            throw new InvalidConnectionFileException(file, "lacks \"" + key + "\"");
        }
        try {
            int port = value.getAsInt();
            if (port < 1 || port > 65535) {
                throw new InvalidConnectionFileException(file, "\"" + key + "\" is " + port + ", not a port number (1-65535)");
            }
            return port;
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new InvalidConnectionFileException(file, "\"" + key + "\" must be a port number");
        }
    }
}
