package concurrencylab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** One magic class may declare a line and a cell form, each with its own usage. */
class MagicRegistryTest {

    @Command(name = "twice", customSynopsis = "%%twice STMT", description = "Run STMT twice.")
    static final class TwoForms implements Magic {
        @Override
        public Set<Kind> kinds() {
            return EnumSet.allOf(Kind.class);
        }

        @Override
        public void describe(Kind kind, CommandSpec spec) {
            if (kind == Kind.CELL) {
                spec.usageMessage().customSynopsis("%%%%twice").description("Run the cell twice.");
            }
        }

        @Override
        public MagicOutcome run(MagicInvocation invocation) {
            return null;
        }
    }

    @Test
    void aMagicWithBothFormsIsRegisteredOncePerFormWithItsOwnUsage() {
        MagicRegistry registry = new MagicRegistry();
        registry.add(TwoForms::new);
        assertEquals(List.of(Magic.Kind.LINE, Magic.Kind.CELL), registry.all().stream().map(MagicRegistry.Entry::kind).toList());
        MagicRegistry.Entry line = registry.find("twice", Magic.Kind.LINE);
        MagicRegistry.Entry cell = registry.find("twice", Magic.Kind.CELL);
        assertTrue(line.usage().startsWith("Usage: %twice STMT\nRun STMT twice."), line.usage());
        assertTrue(cell.usage().startsWith("Usage: %%twice\nRun the cell twice."), cell.usage());
        assertEquals("%%", cell.prefix());
    }

    private static String text(MagicOutcome outcome) {
        return outcome.outcome().result().data().get("text/plain").getAsString();
    }

    @Test
    void helpWithABareNameShowsEveryFormAndAPrefixPicksOne() {
        MagicRegistry registry = new MagicRegistry();
        registry.add(TwoForms::new);
        HelpMagic help = new HelpMagic(registry);
        help.name = "twice";
        String both = text(help.run(null));
        assertTrue(both.startsWith("Usage: %twice STMT\nRun STMT twice."), both);
        assertTrue(both.contains("\n\nUsage: %%twice\nRun the cell twice."), both);
        help.name = "%twice";
        assertEquals(registry.find("twice", Magic.Kind.LINE).usage(), text(help.run(null)));
        help.name = "%%twice";
        assertEquals(registry.find("twice", Magic.Kind.CELL).usage(), text(help.run(null)));
    }

    @Test
    void everyLsmagicLineIsACompleteSentence() {
        MagicRegistry registry = MagicRegistry.load(null, null, null);
        for (MagicRegistry.Entry entry : registry.all()) {
            String summary = LsMagic.summary(entry);
            assertTrue(summary.matches("[A-Z].*[.?!]"), entry.prefix() + entry.name() + ": " + summary);
        }
        String listing = text(new LsMagic(registry).run(null));
        assertTrue(listing.contains("  %threads  Show the threads"), listing);
    }
}
