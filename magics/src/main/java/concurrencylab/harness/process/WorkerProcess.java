package concurrencylab.harness.process;

import concurrencylab.agent.ExtraClassPath;
import concurrencylab.launch.jvm.JvmCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One worker JVM: started with this JVM's java and class path, plus the notebook's extra class path; its
 * output is copied into ours line by line.
 */
final class WorkerProcess {

    final String name;
    final Process process;
    /** The notebook's extra class path ({@code %classpath add}) this worker was started with. */
    final List<String> extraClassPath;
    boolean ready;
    /** The snippet classes this worker has defined, by digest; null before any. */
    String classesDigest;
    /** Digests of the notebook values this worker keeps the bytes of, by key: those of its last run's state. */
    final java.util.Map<String, String> stateDigests = new java.util.HashMap<>();
    /** When the pool last sent it notebook state, epoch nanoseconds (a clock the worker shares). */
    long stateSentEpochNanos;
    /** The task it is running, or -1. */
    int task = -1;

    private WorkerProcess(String name, Process process, List<String> extraClassPath) {
        this.name = name;
        this.process = process;
        this.extraClassPath = extraClassPath;
    }

    /** Starts the worker and hands it its keys on stdin (a worker that dies first is reported as dead). */
    static WorkerProcess start(String name, String endpoint, WorkerKeys keys) {
        List<String> extraClassPath = ExtraClassPath.entries();
        List<String> command = JvmCommand.likeThisJvm().appendClassPath(extraClassPath).headless().option("-XX:+UseSerialGC")
                .main(WorkerMain.class, endpoint, name);
        try {
            Process process = new ProcessBuilder(command).start();
            try {
                keys.writeTo(process.getOutputStream());
            } catch (IOException e) {
                // the worker is already gone: its exit is noticed and reported like any other
            }
            copyLines(process.getInputStream(), System.out, name);
            copyLines(process.getErrorStream(), System.err, name);
            return new WorkerProcess(name, process, extraClassPath);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a worker JVM (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /**
     * Output of tasks in workers shows up with the cell's own output, as a forked child's would. A platform
     * thread: a virtual one blocked reading a pipe holds its carrier, and enough of them starve every
     * virtual thread the notebook runs.
     */
    private static void copyLines(InputStream from, PrintStream to, String name) {
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    to.println(line);
                }
            } catch (IOException e) {
                // the worker is gone; nothing more to copy
            }
        });
    }

    long pid() {
        return process.pid();
    }

    void kill() {
        process.destroyForcibly();
    }

    String exitDescription() {
        if (process.isAlive()) {
            return "still running";
        }
        int code = process.exitValue();
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
    }
}
