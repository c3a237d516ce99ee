package concurrencylab.agent.wire;

/**
 * How a rich value travels: the value string JShell reports starts with {@link #PREFIX}, a token
 * and a newline, then the plain text; the bundle itself comes over the side channel as a
 * result frame with that token, ahead of the reply.
 */
public final class ResultMarker {

    public static final String PREFIX = "\u0001rich:";

    private ResultMarker() {
    }

    public static String encode(String token, String plain) {
        return PREFIX + token + "\n" + plain;
    }

    /** The token of a marked value string, or null for a plain one. */
    public static String token(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return null;
        }
        int newline = value.indexOf('\n');
        return value.substring(PREFIX.length(), newline);
    }

    public static String plain(String value) {
        if (token(value) == null) {
            return value;
        }
        return value.substring(value.indexOf('\n') + 1);
    }
}
