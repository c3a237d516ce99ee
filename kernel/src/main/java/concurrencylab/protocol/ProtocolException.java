package concurrencylab.protocol;

/** A message that cannot be accepted: bad framing, bad JSON, a bad or replayed signature. */
public final class ProtocolException extends Exception {
    public ProtocolException(String reason) {
        super(reason);
    }
}
