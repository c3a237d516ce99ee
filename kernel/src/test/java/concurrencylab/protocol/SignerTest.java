package concurrencylab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignerTest {

    private static List<byte[]> frames(String... parts) {
        return java.util.Arrays.stream(parts).map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void matchesKnownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        Signer signer = Signer.create("hmac-sha256", "Jefe");
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                signer.sign(frames("what do ya ", "want for nothing?")));
    }

    @Test
    void verifiesOnlyTheRightSignature() {
        Signer signer = Signer.create("hmac-sha256", "secret");
        String good = signer.sign(frames("h", "p", "m", "c"));
        assertTrue(signer.verify(good, frames("h", "p", "m", "c")));
        assertTrue(signer.verify(good.toUpperCase(), frames("h", "p", "m", "c")));
        assertFalse(signer.verify(good, frames("h", "p", "m", "C")));
        assertFalse(signer.verify("", frames("h", "p", "m", "c")));
    }

    @Test
    void supportsEveryJupyterScheme() {
        for (String scheme : List.of("hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512")) {
            Signer signer = Signer.create(scheme, "k");
            assertTrue(signer.verify(signer.sign(frames("x")), frames("x")), scheme);
        }
    }

    @Test
    void unknownSchemeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signer.create("rot13", "k"));
        assertTrue(e.getMessage().contains("'rot13'") && e.getMessage().contains("hmac-sha256"), e.getMessage());
    }

    @Test
    void emptyKeyMeansUnsigned() {
        Signer signer = Signer.create("hmac-sha256", "");
        assertFalse(signer.enabled());
        assertEquals("", signer.sign(frames("anything")));
        assertTrue(signer.verify("", frames("anything")));
    }
}
