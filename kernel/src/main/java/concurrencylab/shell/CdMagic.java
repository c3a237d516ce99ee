package concurrencylab.shell;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %cd DIR}: where {@code %%bash}, {@code %%python} and {@code %load} start from. */
@Command(name = "cd", description = {"Change the directory %%%%bash and %%%%python cells start in and %%load reads from: %%cd DIR.",
        "Java cells keep the kernel's directory (a JVM cannot change its own); %%pwd shows both."})
public final class CdMagic implements Magic {

    private final ShellEnvironment environment;

    @Parameters(paramLabel = "DIR", description = "the directory, relative to the current one (~ for home)")
    String directory;

    public CdMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        return MagicOutcome.ok(MimeBundle.text(environment.changeDirectory(directory).toString()));
    }
}
