package concurrencylab.spi;

/**
 * A magic, declared once. Each implementation is a picocli {@code @Command} class whose
 * {@code @Option}/{@code @Parameters} fields are its options: that one declaration drives
 * parsing, {@code %lsmagic}, {@code %help NAME}, {@code %NAME?}, completion of names and options,
 * and the error messages (a bad option names itself and shows the usage line).
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}; the registry makes a fresh
 * instance per call (public no-argument constructor), lets picocli fill its options, then calls
 * {@link #run(MagicInvocation)}.
 */
public interface Magic {

    enum Kind {
        /** {@code %name args} on its own line. */
        LINE,
        /** {@code %%name args} on the first line; the rest of the cell is the body. */
        CELL
    }

    Kind kind();

    /** Runs with the options already parsed into this instance. */
    MagicOutcome run(MagicInvocation invocation) throws Exception;
}
