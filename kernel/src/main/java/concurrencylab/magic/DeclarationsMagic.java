package concurrencylab.magic;

import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import picocli.CommandLine.Command;

/** {@code %imports}, {@code %methods}, {@code %types}: what the notebook declared, as JShell's commands of those names list it. */
abstract class DeclarationsMagic implements Magic {

    private final EngineSupervisor supervisor;

    DeclarationsMagic(EngineSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public final Kind kind() {
        return Kind.LINE;
    }

    abstract List<String> header();

    abstract List<List<String>> rows(JShell jshell);

    abstract String none();

    @Override
    public final MagicOutcome run(MagicInvocation invocation) {
        return MagicOutcome.ok(SnippetListing.table(header(), rows(supervisor.engine().jshell()), none()));
    }

    static boolean active(JShell jshell, Snippet snippet) {
        return jshell.status(snippet).isActive();
    }

    @Command(name = "imports", description = "List the imports in effect, the kernel's default ones included.")
    static final class Imports extends DeclarationsMagic {
        Imports(EngineSupervisor supervisor) {
            super(supervisor);
        }

        @Override
        List<String> header() {
            return List.of("import");
        }

        @Override
        List<List<String>> rows(JShell jshell) {
            return jshell.imports().filter(i -> active(jshell, i)).map(i -> List.of(i.source().strip())).toList();
        }

        @Override
        String none() {
            return "No imports.";
        }
    }

    @Command(name = "methods", description = "List the declared methods with their signatures.")
    static final class Methods extends DeclarationsMagic {
        Methods(EngineSupervisor supervisor) {
            super(supervisor);
        }

        @Override
        List<String> header() {
            return List.of("name", "signature");
        }

        @Override
        List<List<String>> rows(JShell jshell) {
            return jshell.methods().filter(m -> active(jshell, m)).map(m -> List.of(m.name(), m.signature())).toList();
        }

        @Override
        String none() {
            return "No methods declared.";
        }
    }

    @Command(name = "types", description = "List the declared classes, interfaces, enums and records.")
    static final class Types extends DeclarationsMagic {
        Types(EngineSupervisor supervisor) {
            super(supervisor);
        }

        @Override
        List<String> header() {
            return List.of("name", "kind");
        }

        @Override
        List<List<String>> rows(JShell jshell) {
            return jshell.types().filter(t -> active(jshell, t))
                    .map(t -> List.of(t.name(), t.subKind().name().replace("_SUBKIND", "").toLowerCase(java.util.Locale.ROOT))).toList();
        }

        @Override
        String none() {
            return "No types declared.";
        }
    }
}
