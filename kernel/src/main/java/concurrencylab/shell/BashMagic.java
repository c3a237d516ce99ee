package concurrencylab.shell;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code %%bash}: the cell as a bash script, in a child process of its own (see {@link ProcessCell}). */
@Command(name = "bash", description = {"Run the cell with bash in a child process: output shows as it comes, a non-zero exit code is an error.",
        "A read of standard input asks the notebook for a line (end of file where the front end allows no input).",
        "An interrupt ends the process and everything it started; so does the end of the cell."})
public final class BashMagic implements Magic {

    private final ShellEnvironment environment;

    public BashMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) throws Exception {
        return MagicOutcome.of(new ProcessCell("bash", List.of("bash"), ".sh", environment).run(invocation.body(), invocation.cell()));
    }
}
