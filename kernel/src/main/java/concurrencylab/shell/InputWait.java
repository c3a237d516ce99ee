package concurrencylab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a cell's process is waiting to read a line from the notebook: some process of it sleeps in a read
 * of file descriptor 0, and that descriptor is the pipe the kernel writes to. Linux tells both in
 * {@code /proc} (where the process sleeps, and the arguments of the system call it is in); elsewhere the
 * answer is always no, and reads get end of file only when the cell ends.
 */
final class InputWait {

    private final String pipe;

    private InputWait(String pipe) {
        this.pipe = pipe;
    }

    /** For a process just started with a pipe on its standard input; null when {@code /proc} cannot tell. */
    static InputWait of(Process process) {
        try {
            return new InputWait(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "fd", "0")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    boolean waiting(Process process) {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).anyMatch(this::readsOurPipe);
    }

    private boolean readsOurPipe(ProcessHandle handle) {
        Path proc = Path.of("/proc", Long.toString(handle.pid()));
        try {
            if (!Files.readString(proc.resolve("wchan")).contains("pipe_read")
                    || !Files.readSymbolicLink(proc.resolve("fd").resolve("0")).toString().equals(pipe)) {
                return false;
            }
            // "NR fd buffer count ...": the system call's first argument is the descriptor it reads
            String[] call = Files.readString(proc.resolve("syscall")).strip().split(" ");
            return call.length > 1 && call[1].equals("0x0");
        } catch (IOException | RuntimeException e) {
            return false; // the process ended meanwhile, or /proc hides it
        }
    }
}
