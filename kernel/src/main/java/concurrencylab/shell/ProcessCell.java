package concurrencylab.shell;

import concurrencylab.agent.wire.OwnerOnly;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.ExecuteOutcome.ErrorInfo;
import concurrencylab.spi.StdinNotAllowedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a cell's text as a script in a child process: output streamed into the cell as it comes, a non-zero
 * exit code reported as an error, an interrupt ending the whole process group, and nothing of it left
 * running when the cell ends (background jobs included). When the front end allows input, a read of
 * standard input asks the notebook for a line (see {@link InputWait}); otherwise it gets end of file.
 *
 * <p>The script goes in an owner-only file, never on the command line, which every user of the machine can
 * read. The child runs in a session of its own ({@code setsid}), so its process group holds everything it
 * starts that does not start a session itself; the group is what an interrupt and the cell's end stop.
 */
public final class ProcessCell {

    /** How often a running cell looks for an interrupt; the process's own end is noticed at once. */
    private static final long INTERRUPT_CHECK_MILLIS = 50;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String language;
    private final List<String> interpreter;
    private final String suffix;
    private final ShellEnvironment environment;

    /** {@code interpreter} is the command that runs a script file given as its last argument. */
    public ProcessCell(String language, List<String> interpreter, String suffix, ShellEnvironment environment) {
        this.language = language;
        this.environment = environment;
        this.interpreter = List.copyOf(interpreter);
        this.suffix = suffix;
    }

    public ExecuteOutcome run(String script, CellContext cell) throws IOException, InterruptedException {
        Path folder = OwnerOnly.createDirectory("cell-script");
        try {
            Path file = Files.createFile(folder.resolve("cell" + suffix), OwnerOnly.fileAttributes());
            Files.writeString(file, script);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                command.add(SETSID.toString());
            }
            command.addAll(interpreter);
            command.add(file.toString());
            ProcessBuilder builder = new ProcessBuilder(command);
            environment.applyTo(builder);
            builder.environment().put("PYTHONUNBUFFERED", "1");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                String message = "cannot start " + interpreter.get(0) + ": " + e.getMessage() + " (is it installed and on PATH?)";
                return ExecuteOutcome.failed(new ErrorInfo("ProcessError", message, List.of(message)));
            }
            InputWait input = cell.allowStdin() ? InputWait.of(process) : null;
            OutputStream stdin = process.getOutputStream();
            if (input == null) {
                stdin.close(); // no input: a read gets end of file instead of waiting forever
            }
            Thread out = copy(process.getInputStream(), "stdout", cell);
            Thread err = copy(process.getErrorStream(), "stderr", cell);
            boolean interrupted = false;
            try {
                while (!process.waitFor(INTERRUPT_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (cell.interruptRequested()) {
                        interrupted = true;
                        break;
                    }
                    if (input != null && input.waiting(process)) {
                        String line;
                        try {
                            line = cell.readInput("", false);
                        } catch (StdinNotAllowedException e) {
                            stdin.close();
                            input = null;
                            continue;
                        } catch (InterruptedException e) {
                            interrupted = true;
                            break;
                        }
                        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        stdin.flush();
                    }
                }
            } finally {
                endGroup(process);
                try {
                    stdin.close();
                } catch (IOException e) {
                    // the pipe's reader is gone: nothing left to close
                }
            }
            out.join(TimeUnit.SECONDS.toMillis(5));
            err.join(TimeUnit.SECONDS.toMillis(5));
            if (interrupted) {
                String message = language + " was interrupted; its processes were ended";
                return ExecuteOutcome.failed(new ErrorInfo("Interrupted", message, List.of(message)));
            }
            int code = process.exitValue();
            if (code != 0) {
                String message = language + " exited with code " + code;
                return ExecuteOutcome.failed(new ErrorInfo("ProcessError", message, List.of(message)));
            }
            return ExecuteOutcome.ok(null);
        } finally {
            OwnerOnly.deleteTree(folder);
        }
    }

    /** Ends the child's process group: politely, then for sure a moment later. */
    private static void endGroup(Process process) throws InterruptedException {
        long group = process.pid();
        signalGroup(group, "TERM");
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(500, TimeUnit.MILLISECONDS) || process.descendants().findAny().isPresent()) {
            signalGroup(group, "KILL");
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
        }
        // A group whose leader ended can still hold background jobs: one more, quiet, kill for them.
        signalGroup(group, "KILL");
    }

    private static void signalGroup(long group, String signal) throws InterruptedException {
        if (!Files.isExecutable(SETSID)) {
            return; // no group of its own: descendants are ended one by one
        }
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + group).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(1, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: the descendants are ended one by one
        }
    }

    /** Copies a stream into the cell as it arrives, in the chunks it arrives in. */
    private static Thread copy(InputStream from, String name, CellContext cell) {
        Thread thread = new Thread(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                int read;
                while ((read = reader.read(buffer)) >= 0) {
                    if (read > 0) {
                        cell.stream(name, new String(buffer, 0, read));
                    }
                }
            } catch (IOException e) {
                // the process ended and its pipe with it
            }
        }, "cell-process-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
