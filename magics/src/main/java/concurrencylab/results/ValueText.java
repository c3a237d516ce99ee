package concurrencylab.results;

import java.util.Arrays;
import java.util.List;

/** Short text for result values: arrays as their contents, long texts and long lists cut with an ellipsis. */
public final class ValueText {

    private static final int LIMIT = 300;

    private ValueText() {
    }

    public static String show(Object value) {
        String text = value instanceof Object[] array ? Arrays.deepToString(array)
                : value != null && value.getClass().isArray() ? Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|]$", "")
                : String.valueOf(value);
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "…";
    }

    /** Entries a shown list stops at: the value keeps them all. */
    public static final int LIST_ENTRIES = 16;
    /** About two lines of a notebook's output. */
    public static final int LIST_WIDTH = 160;

    /**
     * A list on a line or two: its first entries, at most {@link #LIST_ENTRIES} and about {@link #LIST_WIDTH}
     * characters (never fewer than one entry), then how many more there are: {@code [1, 2, 3, … 997 more]}.
     */
    public static String list(List<?> values) {
        StringBuilder text = new StringBuilder("[");
        int shown = 0;
        for (Object value : values) {
            String entry = show(value);
            boolean full = shown == LIST_ENTRIES || (shown > 0 && text.length() + 2 + entry.length() > LIST_WIDTH);
            if (full) {
                break;
            }
            text.append(shown == 0 ? "" : ", ").append(entry);
            shown++;
        }
        if (shown < values.size()) {
            text.append(", … ").append(values.size() - shown).append(" more");
        }
        return text.append(']').toString();
    }
}
