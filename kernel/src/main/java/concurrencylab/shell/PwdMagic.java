package concurrencylab.shell;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code %pwd}: the directory process cells start in (and the kernel's, when {@code %cd} moved away from it). */
@Command(name = "pwd", description = "Show the directory %%%%bash and %%%%python cells start in (set by %%cd).")
public final class PwdMagic implements Magic {

    private final ShellEnvironment environment;

    public PwdMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        Path cells = environment.directory();
        Path kernel = Path.of("").toAbsolutePath();
        return MagicOutcome.ok(MimeBundle.text(cells.equals(kernel) ? cells.toString()
                : cells + "\n(Java cells: " + kernel + ")"));
    }
}
