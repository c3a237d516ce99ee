package concurrencylab.launch;

import concurrencylab.launch.install.VersionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Command line of the runnable jar: run the kernel, install or uninstall its kernelspec, and the commands other
 * modules provide ({@link concurrencylab.spi.JarCommand}: {@code member} of a cluster).
 */
@Command(
        name = "concurrency-lab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "A Jupyter kernel for Java on JShell, made for teaching and measuring concurrency.",
        subcommands = {KernelCommand.class, InstallCommand.class, UninstallCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: use kernel, install or uninstall.");
    }

    public static void main(String[] args) {
        // Jupyter starts the kernel with exactly "kernel -f FILE" (kernel.json). Building picocli's
        // model of every subcommand costs a few hundred milliseconds of a cold JVM, and kernel_info
        // has to be answered within 300 ms of launch, so that one form skips it.
        if (args.length == 3 && args[0].equals("kernel") && (args[1].equals("-f") || args[1].equals("--connection-file"))) {
            KernelLog.configure(KernelLog.LogLevel.INFO); // as the kernel command's default
            System.exit(KernelCommand.run(java.nio.file.Path.of(args[2])));
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it to check exit codes and messages. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --log-level debug as well as DEBUG
        commandLine.setParameterExceptionHandler(UserFacingErrors::shortUsage);
        commandLine.setExecutionExceptionHandler(UserFacingErrors::oneLineReason);
        // commands of other modules on the class path, such as the magics' member of a cluster
        java.util.ServiceLoader.load(concurrencylab.spi.JarCommand.class).forEach(commandLine::addSubcommand);
        return commandLine;
    }
}
