package concurrencylab.spi;

import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A magic, declared once. Each implementation is a picocli {@code @Command} class whose
 * {@code @Option}/{@code @Parameters} fields are its options: that one declaration drives
 * parsing, {@code %lsmagic}, {@code %help NAME}, {@code %NAME?}, completion of names and options,
 * and the error messages (a bad option names itself and shows the usage line).
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}; the registry makes a fresh
 * instance per call (public no-argument constructor), lets picocli fill its options, then calls
 * {@link #run(MagicInvocation)}.
 *
 * <p>A magic has one form ({@link #kind()}) or both ({@link #kinds()}, as {@code %time} and
 * {@code %%time}); {@link MagicInvocation#kind()} says which one a call was written in.
 */
public interface Magic {

    enum Kind {
        /** {@code %name args} on its own line. */
        LINE,
        /** {@code %%name args} on the first line; the rest of the cell is the body. */
        CELL
    }

    /** The form of a magic that has one; a magic with both forms implements {@link #kinds()} instead. */
    default Kind kind() {
        throw new UnsupportedOperationException(getClass().getName() + " declares neither kind() nor kinds()");
    }

    /** The forms this magic is written in: by default its one {@link #kind()}. */
    default Set<Kind> kinds() {
        return EnumSet.of(kind());
    }

    /**
     * Fits picocli's model of this magic to one of its forms, for example the usage line and description of
     * the cell form when they differ from the line form's annotations. Called once per form when the magic is
     * registered; by default it changes nothing.
     */
    default void describe(Kind kind, CommandSpec spec) {
    }

    /** Runs with the options already parsed into this instance. */
    MagicOutcome run(MagicInvocation invocation) throws Exception;
}
