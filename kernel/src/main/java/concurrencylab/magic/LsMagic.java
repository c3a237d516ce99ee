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
                    text.append("  ").append(entry.prefix()).append(entry.name());
                    String summary = summary(entry);
                    if (!summary.isEmpty()) {
                        text.append("  ").append(summary);
                    }
                    text.append('\n');
                }
            }
        }
        text.append("Help on one: %help NAME or %NAME?");
        return MagicOutcome.ok(MimeBundle.text(text.toString()));
    }

    /**
     * The first line of a magic's description, a sentence of its own: declarations keep their first line
     * a complete sentence for this list ({@code LsMagicTest} holds them to it).
     */
    static String summary(MagicRegistry.Entry entry) {
        String[] description = entry.spec().usageMessage().description();
        // descriptions are picocli format strings: "%%" stands for "%"
        return description.length == 0 ? "" : description[0].replace("%%", "%").strip();
    }
}
