package concurrencylab.magic;

import concurrencylab.shell.ShellEnvironment;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %load FILE}: a {@code .jsh} or {@code .java} file run as a cell of the notebook. */
@Command(name = "load", description = {"Run a .jsh or .java file as a cell: %%load FILE.",
        "Its declarations stay, as a cell's do; a relative path starts from %%pwd."})
final class LoadMagic implements Magic {

    private final ShellEnvironment environment;

    @Parameters(paramLabel = "FILE", description = "the file to run")
    String file;

    LoadMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) throws IOException {
        Path path = environment.directory().resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path + " does not exist: give the path of a .jsh or .java file");
        }
        return MagicOutcome.of(invocation.session().execute(Files.readString(path), 0, invocation.cell()));
    }
}
