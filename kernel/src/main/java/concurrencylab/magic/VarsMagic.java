package concurrencylab.magic;

import concurrencylab.engine.Engine;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.VarSnippet;
import picocli.CommandLine.Command;

/** {@code %vars}: the notebook's variables, with their types and short values (JShell's {@code /vars}). */
@Command(name = "vars", description = "List the declared variables: name, type and a short value.")
final class VarsMagic implements Magic {

    private final EngineSupervisor supervisor;

    VarsMagic(EngineSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        Engine engine = supervisor.engine();
        JShell jshell = engine.jshell();
        List<List<String>> rows = new ArrayList<>();
        // the kernel's own warm-up snippet is not the notebook's
        for (VarSnippet variable : jshell.variables().filter(v -> jshell.status(v).isActive() && !engine.startupSnippet(v)).toList()) {
            String value;
            try {
                value = SnippetListing.shortValue(jshell.varValue(variable));
            } catch (IllegalStateException | IllegalArgumentException e) {
                value = "(no value: " + jshell.status(variable).name().toLowerCase(java.util.Locale.ROOT) + ")";
            }
            rows.add(List.of(variable.name(), variable.typeName(), value));
        }
        return MagicOutcome.ok(SnippetListing.table(List.of("name", "type", "value"), rows, "No variables declared."));
    }
}
