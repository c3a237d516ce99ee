package concurrencylab.engine;

import concurrencylab.agent.NotebookSystemClassLoader;
import concurrencylab.agent.RuntimeMain;
import concurrencylab.agent.wire.ChannelStreams;
import concurrencylab.agent.wire.Scratch;
import concurrencylab.engine.link.RuntimeLink;
import concurrencylab.engine.link.RuntimeReplies;
import concurrencylab.launch.jvm.JvmCommand;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Starts the runtime JVM for a JShell instance and connects to it over a {@link RuntimeLink}: a Unix
 * domain socket only this user can reach, and a per-launch secret (local sockets also spare the stock
 * remote engine's ~200 ms per snippet, which its loopback TCP loses to Nagle's algorithm). Everything the
 * kernel deserializes from the engine stream passes {@link RuntimeReplies#FILTER}.
 */
public final class RuntimeLauncher implements ExecutionControlProvider {

    /** JVM options for the runtime (for example {@code -Xmx4g}), replacing the default heap cap below. */
    public static final String OPTIONS_VARIABLE = "CONCURRENCY_LAB_RUNTIME_OPTS";
    /**
     * A heap cap so a heap-filling cell ends in seconds, not in swapping, and a small initial heap that the
     * collector grows as cells need it: with the JVM's default initial heap (1/64 of the machine's memory)
     * a quiet session's RSS kept growing as fresh eden pages were touched (+40 MiB over 1,000 warm cells).
     * Collector and JIT stay at the JVM's defaults: cells measure concurrency, so the runtime must behave
     * like an ordinary JVM. A runtime that has had no collection for 30 s (a student reading, not running)
     * gets one, and G1 gives the heap it no longer needs back to the machine: after the tour notebook the
     * runtime's RSS went from 146 to 98 MiB once idle. A run that allocates has collections of its own, so
     * it never sees this one.
     */
    private static final String DEFAULT_OPTIONS = "-Xmx1g -Xms16m -XX:G1PeriodicGCInterval=30000";
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;

    private final CellRouter cells;
    private final CellInput input;
    private final List<String> runtimeOptions;
    private final Consumer<RuntimeConnection> started;
    private RuntimeLink link;
    private Process process;

    RuntimeLauncher(CellRouter cells, CellInput input, List<String> runtimeOptions, Consumer<RuntimeConnection> started) {
        this.cells = cells;
        this.input = input;
        this.runtimeOptions = runtimeOptions;
        this.started = started;
    }

    public static List<String> optionsFromEnvironment() {
        String fromEnv = System.getenv(OPTIONS_VARIABLE);
        String options = fromEnv == null || fromEnv.isBlank() ? DEFAULT_OPTIONS : fromEnv;
        return List.of(options.trim().split("\\s+"));
    }

    @Override
    public String name() {
        return "concurrencylab";
    }

    /**
     * Starts the runtime JVM now, so it boots while JShell compiles the startup imports;
     * {@link #generate} then only waits for its connections.
     */
    void launchEarly() throws IOException {
        if (link == null) {
            RuntimeLink opened = RuntimeLink.open();
            try {
                process = launch(opened.address());
                opened.handSecretTo(process.getOutputStream());
            } catch (IOException | RuntimeException e) {
                opened.close();
                if (process != null) {
                    process.destroyForcibly();
                    process = null;
                }
                throw e;
            }
            link = opened;
        }
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        launchEarly();
        RuntimeConnection connection = new RuntimeConnection(process);
        try (RuntimeLink listening = link) {
            RuntimeLink.Connections runtime = listening.accept(CONNECT_TIMEOUT_MILLIS);
            SideChannel sideChannel = new SideChannel(runtime.events(), cells, input);
            // Commands and replies straight on the socket: JShell's stock streams multiplex them with the
            // runtime's System.in/out/err, which here go over the side channel, through a pipe and a
            // thread at each end (two thread hand-overs per round trip).
            // Written only by JShell's calls (the shell thread, a restart's replay), which nothing interrupts.
            ObjectOutputStream commands = new ObjectOutputStream(new BufferedOutputStream(ChannelStreams.directOutput(runtime.engine())));
            commands.flush();
            ObjectInputStream replies = new ObjectInputStream(new BufferedInputStream(ChannelStreams.input(runtime.engine())));
            replies.setObjectInputFilter(RuntimeReplies.FILTER);
            KernelExecutionControl control = new KernelExecutionControl(commands, replies, connection);
            connection.attach(sideChannel, control);
            started.accept(connection);
            return control;
        } catch (SocketTimeoutException e) {
            connection.terminate();
            throw new IOException(e.getMessage() + " (check " + OPTIONS_VARIABLE + ")", e);
        } catch (IOException | RuntimeException e) {
            connection.terminate();
            throw e;
        } finally {
            link = null;
            process = null;
        }
    }

    private Process launch(Path linkAddress) throws IOException {
        String outOfMemoryMarker = RuntimeExit.markerOption();
        List<String> command = JvmCommand.likeThisJvm()
                // An OutOfMemoryError ends the runtime, which is then restarted with the declarations, instead of
                // leaving a half-broken JVM behind; given first so the options may still turn it off. The marker
                // tells that exit (code 3) from a System.exit(3).
                .option("-XX:+ExitOnOutOfMemoryError")
                .options(outOfMemoryMarker == null ? List.of() : List.of(outOfMemoryMarker))
                .trimNativeHeap()
                .options(runtimeOptions)
                .headless()
                .systemProperty("java.system.class.loader", NotebookSystemClassLoader.class.getName())
                // With its own system class loader the JVM may not map archived application classes, and says so on
                // every start; the JDK's own classes still come from the archive.
                .option("-Xlog:cds=off")
                .systemProperty("stdout.encoding", "UTF-8")
                .systemProperty("stderr.encoding", "UTF-8")
                .main(RuntimeMain.class, linkAddress.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .directory(new File(System.getProperty("user.dir")));
        // inherited by the worker JVMs and cluster members the runtime forks
        builder.environment().put(Scratch.VARIABLE, Scratch.directory().toString());
        return builder.start();
    }
}
