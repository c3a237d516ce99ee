package concurrencylab.display;

/** Markdown to show as such: {@code display(markdown("# Title"))}. */
public record Markdown(String source) {
    @Override
    public String toString() {
        return source;
    }
}
