package concurrencylab.harness;

/**
 * The one value a measuring magic hands the harness: the options the user gave, as a record whose null
 * fields mean "the default". The record states its defaults and fills them in; nothing else does. In the
 * generated call it travels as JSON, written by {@link #toJson()} in the kernel JVM and read back in the
 * runtime JVM by the record's {@code fromJson}:
 *
 * <pre>{@code
 * concurrencylab.harness.Harness.run(concurrencylab.harness.RunOptions.fromJson("{\"mode\":\"threads\",\"workers\":2}"),
 *         "__task_3", () -> __task_3())
 * }</pre>
 */
public sealed interface HarnessOptions permits RunOptions, TimelineOptions, SpeedupOptions, TimeitOptions {

    /** JSON with the options given, modes by name ({@code "threads"}); defaults are left out. */
    default String toJson() {
        return OptionsJson.write(this);
    }
}
