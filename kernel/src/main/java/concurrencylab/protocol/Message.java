package concurrencylab.protocol;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One Jupyter message as values. {@code parentHeader} is kept as the exact JSON the client sent,
 * so replies echo it unchanged; {@code identities} are the ROUTER routing frames.
 */
public record Message(
        List<byte[]> identities,
        Header header,
        JsonObject parentHeader,
        JsonObject metadata,
        JsonObject content,
        List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        parentHeader = parentHeader == null ? new JsonObject() : parentHeader;
        metadata = metadata == null ? new JsonObject() : metadata;
        content = content == null ? new JsonObject() : content;
        buffers = List.copyOf(buffers);
    }

    public String type() {
        return header.msgType();
    }

    /** A reply or side-effect of {@code request}: same routing identities, {@code request}'s header as parent. */
    public static Message inReplyTo(Message request, String msgType, String session, JsonObject content) {
        return new Message(request.identities(), Header.create(msgType, session),
                request.header().toJson(), new JsonObject(), content, List.of());
    }

    /** A message published on iopub under {@code parentHeader} (may be empty for kernel-wide status). */
    public static Message broadcast(String msgType, String session, JsonObject parentHeader, JsonObject content) {
        return new Message(List.of(), Header.create(msgType, session), parentHeader, new JsonObject(), content, List.of());
    }
}
