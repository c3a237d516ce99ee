package concurrencylab.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    private final WireCodec codec = new WireCodec(Signer.create("hmac-sha256", "secret"));

    private static Message request(String type) {
        JsonObject content = new JsonObject();
        content.addProperty("code", "1 + 1 // ünïcode <b>");
        return new Message(List.of("client-id".getBytes(StandardCharsets.UTF_8)), Header.create(type, "s"),
                new JsonObject(), new JsonObject(), content, List.of(new byte[] {1, 2, 3}));
    }

    @Test
    void roundTripsEveryPart() throws ProtocolException {
        Message original = request("execute_request");
        Message decoded = codec.decode(codec.encode(original));
        assertArrayEquals(original.identities().get(0), decoded.identities().get(0));
        assertEquals(original.header(), decoded.header());
        assertEquals(original.content(), decoded.content());
        assertArrayEquals(new byte[] {1, 2, 3}, decoded.buffers().get(0));
    }

    @Test
    void rejectsTamperedContent() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request("execute_request")));
        frames.set(frames.size() - 2, "{\"code\":\"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("invalid signature", assertThrows(ProtocolException.class, () -> codec.decode(frames)).getMessage());
    }

    @Test
    void rejectsMissingSignature() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request("execute_request")));
        frames.set(2, new byte[0]);
        assertEquals("missing signature", assertThrows(ProtocolException.class, () -> codec.decode(frames)).getMessage());
    }

    @Test
    void rejectsReplayedMessage() throws ProtocolException {
        List<byte[]> frames = codec.encode(request("execute_request"));
        codec.decode(frames);
        assertTrue(assertThrows(ProtocolException.class, () -> codec.decode(frames)).getMessage().contains("duplicate"));
    }

    @Test
    void namesMissingHeaderField() {
        WireCodec unsigned = new WireCodec(Signer.unsigned());
        List<byte[]> frames = List.of(WireCodec.DELIMITER, new byte[0],
                "{\"msg_id\":\"1\"}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(), "{}".getBytes(), "{}".getBytes());
        assertEquals("header lacks 'msg_type'", assertThrows(ProtocolException.class, () -> unsigned.decode(frames)).getMessage());
    }

    @Test
    void rejectsInvalidJsonAndShortMessages() {
        WireCodec unsigned = new WireCodec(Signer.unsigned());
        List<byte[]> badJson = List.of(WireCodec.DELIMITER, new byte[0], "{nope".getBytes(), "{}".getBytes(), "{}".getBytes(), "{}".getBytes());
        assertEquals("header is not valid JSON", assertThrows(ProtocolException.class, () -> unsigned.decode(badJson)).getMessage());
        assertTrue(assertThrows(ProtocolException.class, () -> unsigned.decode(List.of(WireCodec.DELIMITER, new byte[0])))
                .getMessage().startsWith("expected signature"));
        assertEquals("no <IDS|MSG> delimiter frame",
                assertThrows(ProtocolException.class, () -> unsigned.decode(List.of("x".getBytes()))).getMessage());
    }

    @Test
    void randomFramesOnlyEverRaiseProtocolException() {
        Random random = new Random(42);
        WireCodec unsigned = new WireCodec(Signer.unsigned());
        byte[][] pieces = {WireCodec.DELIMITER, "{}".getBytes(), "{\"msg_id\":\"a\",\"msg_type\":\"x\"}".getBytes(),
                "[]".getBytes(), "null".getBytes(), "{\"msg_id\":{},\"msg_type\":[]}".getBytes(), new byte[0]};
        for (int i = 0; i < 20_000; i++) {
            List<byte[]> frames = new ArrayList<>();
            int n = random.nextInt(9);
            for (int f = 0; f < n; f++) {
                if (random.nextInt(3) == 0) {
                    byte[] noise = new byte[random.nextInt(40)];
                    random.nextBytes(noise);
                    frames.add(noise);
                } else {
                    frames.add(pieces[random.nextInt(pieces.length)]);
                }
            }
            try {
                unsigned.decode(frames);
                codec.decode(frames);
            } catch (ProtocolException expected) {
                // the only acceptable failure
            }
        }
    }
}
