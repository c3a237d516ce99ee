package concurrencylab.launch;

import concurrencylab.launch.install.InstallException;
import java.io.PrintWriter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** How bad arguments and failed commands are reported: short, on stderr, with the fix. */
public final class UserFacingErrors {

    private UserFacingErrors() {
    }

    /** Bad arguments: the problem, the usage line, where to read more; exit code 2. */
    public static int shortUsage(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + problem.getMessage());
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A command that failed: one line naming the reason; exit code 1. Unexpected failures keep their trace. */
    public static int oneLineReason(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof InstallException) {
            err.println(command.getCommandSpec().qualifiedName() + ": " + failure.getMessage());
        } else {
            failure.printStackTrace(err);
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }
}
