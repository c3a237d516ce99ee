package concurrencylab.magic;

import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %help NAME}: the usage of a magic, from its declaration; both forms when a line and a cell magic share NAME. */
@Command(name = "help", description = "Show how to use a magic: %%help NAME (also %%NAME?); without NAME, list them.")
final class HelpMagic implements Magic {

    private final MagicRegistry registry;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the magic, with or without %% or %%%%")
    String name;

    HelpMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        if (name == null) {
            return new LsMagic(registry).run(invocation);
        }
        String bare = name.replaceFirst("^%+", "");
        List<MagicRegistry.Entry> forms = registry.forms(bare);
        if (forms.isEmpty()) {
            return MagicOutcome.of(ExecuteOutcome.failed(MagicDispatcher.unknown(registry, bare)));
        }
        // "%help %time" asks for the line form, "%help %%time" for the cell form, "%help time" for every form.
        if (name.startsWith("%")) {
            Kind wanted = name.startsWith("%%") ? Kind.CELL : Kind.LINE;
            forms = List.of(registry.find(bare, wanted));
        }
        return MagicOutcome.ok(MimeBundle.text(forms.stream().map(MagicRegistry.Entry::usage)
                .collect(Collectors.joining("\n\n"))));
    }
}
