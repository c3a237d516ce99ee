package concurrencylab.shell;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %env}: the environment of the cells' processes; {@code %env NAME=VALUE} sets a variable for them. */
@Command(name = "env", description = {"Show or set the environment of %%%%bash and %%%%python cells: %%env, %%env NAME, %%env NAME=VALUE.",
        "%%env NAME= removes the variable. Java cells keep the environment the kernel started with (a JVM cannot change its own)."})
public final class EnvMagic implements Magic {

    private final ShellEnvironment environment;

    @Parameters(arity = "0..1", paramLabel = "NAME[=VALUE]", description = "a variable to show, or to set")
    String assignment;

    public EnvMagic(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        Map<String, String> variables = environment.variables();
        if (assignment == null) {
            return MagicOutcome.ok(MimeBundle.text(variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n"))));
        }
        int equals = assignment.indexOf('=');
        if (equals < 0) {
            String value = variables.get(assignment);
            if (value == null) {
                throw new IllegalArgumentException(assignment + " is not set: set it with %env " + assignment + "=VALUE");
            }
            return MagicOutcome.ok(MimeBundle.text(value));
        }
        String name = assignment.substring(0, equals);
        String value = assignment.substring(equals + 1);
        environment.set(name, value.isEmpty() ? null : value);
        return MagicOutcome.ok(MimeBundle.text(value.isEmpty() ? "Removed " + name : name + "=" + value));
    }
}
