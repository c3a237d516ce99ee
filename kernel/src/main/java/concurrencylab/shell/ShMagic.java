package concurrencylab.shell;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code %%sh}: the cell as a sh script, in a child process of its own (see {@link ProcessCell}). */
@Command(name = "sh", description = {"Run the cell with sh in a child process: output shows as it comes, a non-zero exit code is an error.",
        "A read of standard input asks the notebook for a line (end of file where the front end allows no input).",
        "An interrupt ends the process and everything it started; so does the end of the cell."})
public final class ShMagic implements Magic {

    private final ShellEnvironment environment;

    public ShMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) throws Exception {
        return MagicOutcome.of(new ProcessCell("sh", List.of("sh"), ".sh", environment).run(invocation.body(), invocation.cell()));
    }
}
