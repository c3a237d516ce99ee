package concurrencylab.magic;

import concurrencylab.deps.PomDependencies;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code %loadFromPOM FILE} and {@code %%loadFromPOM}: the dependencies a POM declares, as {@code %maven} loads them. */
@Command(name = "loadFromPOM", description = {
        "Load the dependencies of a POM file as %%maven does: %%loadFromPOM pom.xml.",
        "Compile and runtime scopes; the POM's repositories are added as with %%mavenRepo."})
final class LoadFromPomMagic implements Magic {

    private final LibraryLoader loader;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "a pom.xml")
    Path file;

    LoadFromPomMagic(LibraryLoader loader) {
        this.loader = loader;
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.LINE, Kind.CELL);
    }

    @Override
    public void describe(Kind kind, CommandSpec spec) {
        if (kind == Kind.CELL) {
            spec.usageMessage().customSynopsis("%%%%loadFromPOM")
                    .description("Load the dependencies of the <dependencies> block (or whole POM) the cell holds, as %%maven does.",
                            "Compile and runtime scopes; <repositories> in the cell are added as with %%mavenRepo.");
        }
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        PomDependencies.Declared declared;
        if (invocation.kind() == Kind.CELL) {
            if (file != null) {
                throw new IllegalArgumentException("%%loadFromPOM takes the POM from the cell: write %loadFromPOM "
                        + file + " for a file");
            }
            if (invocation.body().isBlank()) {
                throw new IllegalArgumentException("the cell is empty: put a <dependencies> block under %%loadFromPOM");
            }
            declared = PomDependencies.fromText(invocation.body());
        } else {
            if (file == null) {
                throw new IllegalArgumentException("name the POM: %loadFromPOM pom.xml (or hold a <dependencies> block in a %%loadFromPOM cell)");
            }
            declared = PomDependencies.fromFile(file.toAbsolutePath());
        }
        for (String[] repository : declared.repositories()) {
            loader.resolver().addRepository(repository[0], repository[1]);
        }
        if (declared.coordinates().isEmpty()) {
            throw new IllegalArgumentException("the POM declares no compile or runtime dependencies: nothing to load");
        }
        return loader.load(declared.coordinates(), false, invocation.cell());
    }
}
