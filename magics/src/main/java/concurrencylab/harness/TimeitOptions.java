package concurrencylab.harness;

/**
 * What {@code %timeit} and {@code %%timeit} ask: calls per run (null: grown until a run takes
 * {@link #AUTO_TARGET_NANOS}, as IPython does) and runs (null: {@value #DEFAULT_REPEAT}).
 */
public record TimeitOptions(Integer loops, Integer repeat) implements HarnessOptions {

    /** {@code -r} when not given. */
    public static final int DEFAULT_REPEAT = 7;
    /** Without {@code -n}, calls per run grow (1, 2, 5, 10, ...) until one run takes this long: 0.2 s. */
    public static final long AUTO_TARGET_NANOS = 200_000_000L;

    public static TimeitOptions fromJson(String json) {
        return OptionsJson.read(json, TimeitOptions.class);
    }

    public int repeatOrDefault() {
        return repeat == null ? DEFAULT_REPEAT : repeat;
    }
}
