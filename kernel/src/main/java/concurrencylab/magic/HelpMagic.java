package concurrencylab.magic;

import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %help NAME}: the usage of one magic, from its declaration. */
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
        // "%help %%time" asks for the cell form; "%help time" for the line form when there is one.
        MagicRegistry.Entry entry = registry.find(bare, name.startsWith("%%") ? Kind.CELL : Kind.LINE);
        if (entry == null) {
            return MagicOutcome.of(ExecuteOutcome.failed(MagicDispatcher.unknown(registry, bare)));
        }
        return MagicOutcome.ok(MimeBundle.text(entry.usage()));
    }
}
