package concurrencylab.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The executors a cell body can run on, by the names users type: each is also the name of the cell magic
 * that runs on it ({@code %%threads}, ...), of {@code %%speedup -m} and {@code %%timeline -m} values, and of
 * the threads and workers it uses ({@code threads-1}). The magics' option candidates and help texts, and the
 * notebook checker (notebooks/src/jshell_check.py reads the constants below), take the names from here.
 */
public enum Mode {
    SERIAL,
    THREADS,
    VIRTUAL,
    PROCESSES,
    GIL,
    /** The members of the notebook's cluster ({@code %cluster start} or {@code %cluster join}): a worker is a member. */
    CLUSTER,
    /** Another name for {@link #VIRTUAL}: virtual threads are the JDK's coroutines; its threads say coroutines. */
    COROUTINES;

    /** The executor this mode runs on: itself, or {@link #VIRTUAL} for {@link #COROUTINES}. */
    public Mode executor() {
        return this == COROUTINES ? VIRTUAL : this;
    }

    /** The name as users type it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name as users type it, in any case; {@code coroutines} is another name for {@code virtual}. */
    public static Mode parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.label().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + name + "': use one of " + names() + " (or "
                + Arrays.stream(values()).filter(mode -> mode.executor() != mode).map(Mode::label)
                        .collect(Collectors.joining(", ")) + ")");
    }

    /** The modes that are executors of their own (every mode but the other names). */
    public static List<Mode> executors() {
        return Arrays.stream(values()).filter(mode -> mode.executor() == mode).toList();
    }

    /** The executors' names, {@code serial, threads, ...}. */
    public static String names() {
        return executors().stream().map(Mode::label).collect(Collectors.joining(", "));
    }
}
