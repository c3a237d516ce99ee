package concurrencylab.spi;

/** A cell read standard input, but the front end said {@code allow_stdin: false}. */
public final class StdinNotAllowedException extends Exception {
    public StdinNotAllowedException() {
        super("this front end does not accept input (allow_stdin is false): give the value in the cell instead of reading System.in");
    }
}
