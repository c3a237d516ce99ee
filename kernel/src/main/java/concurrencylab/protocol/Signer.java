package concurrencylab.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signing of the four JSON frames, as Jupyter does. An empty key means messages are unsigned.
 * Thread-safe: each thread gets its own {@link Mac}.
 */
public final class Signer {

    private static final Map<String, String> SCHEMES = Map.of(
            "hmac-md5", "HmacMD5",
            "hmac-sha1", "HmacSHA1",
            "hmac-sha224", "HmacSHA224",
            "hmac-sha256", "HmacSHA256",
            "hmac-sha384", "HmacSHA384",
            "hmac-sha512", "HmacSHA512");

    private final ThreadLocal<Mac> mac;
    private final boolean enabled;

    private Signer(String algorithm, byte[] key) {
        this.enabled = key.length > 0;
        this.mac = ThreadLocal.withInitial(() -> newMac(algorithm, key));
        if (enabled) {
            // Loading the JCE provider costs a cold JVM some 100-250 ms; it overlaps with binding the
            // sockets instead of delaying the first reply.
            Thread warmUp = new Thread(mac::get, "hmac-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    /**
     * @throws IllegalArgumentException naming the scheme when the JDK has no such HMAC
     */
    public static Signer create(String signatureScheme, String key) {
        byte[] keyBytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
        String algorithm = SCHEMES.get(signatureScheme == null || signatureScheme.isEmpty() ? "hmac-sha256" : signatureScheme);
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported signature_scheme '" + signatureScheme
                    + "': use one of " + String.join(", ", SCHEMES.keySet().stream().sorted().toList()));
        }
        return new Signer(algorithm, keyBytes);
    }

    public static Signer unsigned() {
        return new Signer("HmacSHA256", new byte[0]);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Hex signature of the frames in order; empty when unsigned. */
    public String sign(List<byte[]> frames) {
        if (!enabled) {
            return "";
        }
        Mac m = mac.get();
        for (byte[] frame : frames) {
            m.update(frame);
        }
        return HexFormat.of().formatHex(m.doFinal());
    }

    /** Constant-time check of a received hex signature. */
    public boolean verify(String signature, List<byte[]> frames) {
        if (!enabled) {
            return true;
        }
        byte[] expected = sign(frames).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static Mac newMac(String algorithm, byte[] key) {
        try {
            Mac m = Mac.getInstance(algorithm);
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }
}
