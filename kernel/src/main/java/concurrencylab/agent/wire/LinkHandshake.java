package concurrencylab.agent.wire;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How the runtime proves, on each of its two connections, that it is the kernel's own child: before any
 * other byte it sends the per-launch secret the kernel wrote to its stdin (never its command line, which
 * every local user can read), then the connection's kind ({@link Frames#JSHELL_CONNECTION} or
 * {@link Frames#EVENT_CONNECTION}). The kernel compares in constant time and reads nothing else from a
 * connection that fails.
 */
public final class LinkHandshake {

    public static final int SECRET_BYTES = 32;
    /** The secret, then the kind byte. */
    public static final int HELLO_BYTES = SECRET_BYTES + 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkHandshake() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** One line of hex, as the kernel writes it to the runtime's stdin. */
    public static String encode(byte[] secret) {
        return HexFormat.of().formatHex(secret);
    }

    /** @throws IllegalArgumentException when the line is not a secret of the right length */
    public static byte[] decode(String line) {
        byte[] secret = HexFormat.of().parseHex(line == null ? "" : line.strip());
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("expected a " + SECRET_BYTES + "-byte secret");
        }
        return secret;
    }

    public static byte[] hello(byte[] secret, byte kind) {
        byte[] hello = Arrays.copyOf(secret, HELLO_BYTES);
        hello[SECRET_BYTES] = kind;
        return hello;
    }

    /** Whether a received hello carries {@code secret}, compared in constant time. */
    public static boolean carries(byte[] hello, byte[] secret) {
        return hello.length == HELLO_BYTES && MessageDigest.isEqual(Arrays.copyOf(hello, SECRET_BYTES), secret);
    }

    public static byte kind(byte[] hello) {
        return hello[SECRET_BYTES];
    }
}
