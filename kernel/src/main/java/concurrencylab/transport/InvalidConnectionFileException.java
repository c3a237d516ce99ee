package concurrencylab.transport;

import java.nio.file.Path;

/** A connection file the kernel cannot use; the message is one line naming the file and the problem. */
public final class InvalidConnectionFileException extends Exception {
    public InvalidConnectionFileException(Path file, String problem) {
        super("invalid connection file " + file + ": " + problem);
    }
}
