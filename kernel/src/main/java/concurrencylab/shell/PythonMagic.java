package concurrencylab.shell;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code %%python}: the cell as a python3 script, in a child process of its own (see {@link ProcessCell}). */
@Command(name = "python", description = {"Run the cell with the python3 on PATH (CPython, with its GIL) in a child process; output shows as it comes.",
        "A read of standard input asks the notebook for a line (end of file where the front end allows no input).",
        "An interrupt ends the process and everything it started; so does the end of the cell."})
public final class PythonMagic implements Magic {

    private final ShellEnvironment environment;

    public PythonMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) throws Exception {
        return MagicOutcome.of(new ProcessCell("python3", List.of("python3", "-u"), ".py", environment).run(invocation.body(), invocation.cell()));
    }
}
