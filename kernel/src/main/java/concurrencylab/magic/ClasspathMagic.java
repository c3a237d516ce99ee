package concurrencylab.magic;

import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %classpath}: shows the notebook's extra class path, or adds jars and class folders to it. */
@Command(name = "classpath", description = "Show the extra class path, or add jar files and class folders to it with %%classpath add PATH.")
final class ClasspathMagic implements Magic {

    private final EngineSupervisor supervisor;

    @Parameters(index = "0", arity = "0..1", paramLabel = "add", description = "the word add, followed by paths")
    String action;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH", description = "jar files or class folders")
    List<String> paths = new ArrayList<>();

    ClasspathMagic(EngineSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        if (action == null) {
            List<String> extra = supervisor.extraClasspath();
            return MagicOutcome.ok(MimeBundle.text(extra.isEmpty()
                    ? "No extra class path. Add to it with %classpath add PATH..."
                    : String.join(File.pathSeparator, extra)));
        }
        if (!action.equals("add") || paths.isEmpty()) {
            throw new IllegalArgumentException("write %classpath add PATH... (jar files or class folders)");
        }
        for (String path : paths) {
            Path resolved = Path.of(path).toAbsolutePath().normalize();
            if (!Files.exists(resolved)) {
                throw new IllegalArgumentException(resolved + " does not exist: give an existing jar or folder");
            }
            supervisor.addToClasspath(resolved.toString());
        }
        return MagicOutcome.ok(MimeBundle.text("Added " + String.join(", ", paths)));
    }
}
