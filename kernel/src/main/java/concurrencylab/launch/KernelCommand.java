package concurrencylab.launch;

import concurrencylab.interpreter.JShellInterpreter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kernel -f FILE}: what Jupyter runs, through {@code kernel.json}. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Run the kernel for the Jupyter connection file FILE (Jupyter does this for you).")
public final class KernelCommand implements Callable<Integer> {

    @Option(names = {"-f", "--connection-file"}, paramLabel = "FILE", required = true,
            description = "The connection file Jupyter wrote (ports, key, transport).")
    Path connectionFile;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO",
            description = "How much the kernel logs to stderr (Jupyter's server log): ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    KernelLog.LogLevel logLevel;

    @Override
    public Integer call() {
        KernelLog.configure(logLevel);
        return run(connectionFile);
    }

    /** Runs the kernel until shutdown; returns the exit status. */
    public static int run(Path connectionFile) {
        return KernelLauncher.run(connectionFile, JShellInterpreter::new);
    }
}
