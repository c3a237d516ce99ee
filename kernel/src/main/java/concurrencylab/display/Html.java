package concurrencylab.display;

/** HTML to show as such: {@code display(html("<b>bold</b>"))}. */
public record Html(String source) {
    @Override
    public String toString() {
        return source;
    }
}
