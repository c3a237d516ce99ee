package concurrencylab.harness;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The executors a cell body can run on. */
public enum Mode {
    SERIAL, THREADS, VIRTUAL, PROCESSES, GIL;

    /** The name as users type it; {@code coroutines} is another name for {@code virtual}. */
    public static Mode parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("coroutines")) {
            return VIRTUAL;
        }
        for (Mode mode : values()) {
            if (mode.label().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + name + "': use one of " + names() + " (or coroutines)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String names() {
        return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
    }
}
