package concurrencylab.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames &lt;-&gt; {@link Message}: routing identities, {@code <IDS|MSG>}, signature, header, parent header,
 * metadata, content, buffers. Decoding checks the signature before parsing any JSON and rejects replays.
 */
public final class WireCodec {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** Larger requests are dropped before any parsing: no cell is that big, and parsing it would cost the heap. */
    public static final long MAX_MESSAGE_BYTES = 64L << 20;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final Signer signer;
    private final ReplayGuard replays = new ReplayGuard(10_000);

    public WireCodec(Signer signer) {
        this.signer = signer;
    }

    /** Whether decoding checks signatures; false with an empty key, when anyone who reaches a socket is believed. */
    public boolean authenticated() {
        return signer.enabled();
    }

    public List<byte[]> encode(Message message) {
        List<byte[]> json = List.of(
                utf8(message.header().toJson()),
                utf8(message.parentHeader()),
                utf8(message.metadata()),
                utf8(message.content()));
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(json).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(json);
        frames.addAll(message.buffers());
        return frames;
    }

    public Message decode(List<byte[]> frames) throws ProtocolException {
        long size = 0;
        for (byte[] frame : frames) {
            size += frame.length;
        }
        if (size > MAX_MESSAGE_BYTES) {
            throw new ProtocolException("message of " + (size >> 20) + " MiB exceeds the " + (MAX_MESSAGE_BYTES >> 20) + " MiB limit");
        }
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new ProtocolException("no <IDS|MSG> delimiter frame");
        }
        if (frames.size() < delimiter + 6) {
            throw new ProtocolException("expected signature and 4 JSON frames after the delimiter, got "
                    + (frames.size() - delimiter - 1) + " frames");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        List<byte[]> json = frames.subList(delimiter + 2, delimiter + 6);
        if (signer.enabled()) {
            if (signature.isEmpty()) {
                throw new ProtocolException("missing signature");
            }
            if (!signer.verify(signature, json)) {
                throw new ProtocolException("invalid signature");
            }
            if (!replays.firstSighting(signature)) {
                throw new ProtocolException("duplicate signature (replayed message)");
            }
        }
        Header header = Header.fromJson(object(json.get(0), "header"));
        return new Message(
                frames.subList(0, delimiter),
                header,
                object(json.get(1), "parent_header"),
                object(json.get(2), "metadata"),
                object(json.get(3), "content"),
                frames.subList(delimiter + 6, frames.size()));
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject object(byte[] frame, String what) throws ProtocolException {
        try {
            JsonElement element = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new ProtocolException(what + " is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ProtocolException(what + " is not valid JSON");
        }
    }

    private static byte[] utf8(JsonObject json) {
        return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    }
}
