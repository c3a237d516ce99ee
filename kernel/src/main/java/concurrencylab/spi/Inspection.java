package concurrencylab.spi;

/** {@code inspect_reply}: {@code found} with a bundle (signature and Javadoc), or not found. */
public record Inspection(boolean found, MimeBundle bundle) {
    public static Inspection notFound() {
        return new Inspection(false, null);
    }
}
