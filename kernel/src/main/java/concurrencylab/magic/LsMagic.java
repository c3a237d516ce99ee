package concurrencylab.magic;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import picocli.CommandLine.Command;

/** {@code %lsmagic}: every magic with its one-line description. */
@Command(name = "lsmagic", description = "List the available magics.")
final class LsMagic implements Magic {

    private final MagicRegistry registry;

    LsMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            text.append(kind == Kind.LINE ? "Line magics:\n" : "Cell magics:\n");
            if (registry.all().stream().noneMatch(entry -> entry.kind() == kind)) {
                text.append("  (none)\n");
            }
            for (MagicRegistry.Entry entry : registry.all()) {
                if (entry.kind() == kind) {
                    String[] description = entry.spec().usageMessage().description();
                    text.append("  ").append(entry.prefix()).append(entry.name());
                    if (description.length > 0) {
                        // descriptions are picocli format strings: "%%" stands for "%"
                        text.append("  ").append(description[0].replace("%%", "%"));
                    }
                    text.append('\n');
                }
            }
        }
        text.append("Help on one: %help NAME or %NAME?");
        return MagicOutcome.ok(MimeBundle.text(text.toString()));
    }
}
