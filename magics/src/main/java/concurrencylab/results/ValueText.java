package concurrencylab.results;

import java.util.Arrays;

/** Short text for result values: arrays as their contents, long texts cut with an ellipsis. */
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
}
