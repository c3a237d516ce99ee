package concurrencylab.spi;


/** One call of a magic: its text, the cell it runs in, and the Java session it may use. */
public interface MagicInvocation {

    /** The rest of the line after the options for line magics; the cell body for cell magics. */
    String body();

    /** The line number in the cell where {@link #body()} starts (0-based), to map error positions back. */
    int bodyLine();

    CellContext cell();

    JavaSession session();

    /** The form the magic was written in: {@code %name} (line) or {@code %%name} (cell). */
    Magic.Kind kind();
}
