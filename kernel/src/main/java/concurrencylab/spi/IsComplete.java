package concurrencylab.spi;

/** {@code is_complete_reply}. {@code indent} only matters for {@code incomplete}. */
public record IsComplete(String status, String indent) {
    public static IsComplete complete() { return new IsComplete("complete", ""); }
    public static IsComplete invalid() { return new IsComplete("invalid", ""); }
    public static IsComplete unknown() { return new IsComplete("unknown", ""); }
    public static IsComplete incomplete(String indent) { return new IsComplete("incomplete", indent); }
}
