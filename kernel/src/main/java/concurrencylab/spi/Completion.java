package concurrencylab.spi;

import java.util.List;

/** {@code complete_reply}: matches replace {@code code[cursorStart, cursorEnd)}. */
public record Completion(List<String> matches, int cursorStart, int cursorEnd) {
    public Completion {
        matches = List.copyOf(matches);
    }

    public static Completion none(int cursor) {
        return new Completion(List.of(), cursor, cursor);
    }
}
