package concurrencylab.magic;

import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %maven}: Maven artifacts and their dependencies, resolved and put on the notebook's class path. */
@Command(name = "maven", description = {
        "Add Maven artifacts and their dependencies to the class path: %%maven org.jsoup:jsoup:1.18.1.",
        "Resolved as Maven does (transitive compile and runtime scopes, nearest version wins) from Maven Central,"
                + " the repositories of %%mavenRepo and of ~/.m2/settings.xml (its local repository, mirrors, proxies"
                + " and offline mode count). The jars reach the compiler, the runtime, the %%%%processes workers, and"
                + " every restart."})
final class MavenMagic implements Magic {

    private final LibraryLoader loader;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE", description = "Maven settings to use from now on, instead of ~/.m2/settings.xml.")
    Path settings;

    @Option(names = {"-U", "--update"}, description = "Check the repositories again for newer snapshots and releases.")
    boolean update;

    @Parameters(arity = "0..*", paramLabel = "COORDINATES", description = "GROUP:ARTIFACT[:EXTENSION[:CLASSIFIER]]:VERSION")
    List<String> coordinates = new ArrayList<>();

    MavenMagic(LibraryLoader loader) {
        this.loader = loader;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        if (settings != null) {
            loader.resolver().useSettings(settings.toAbsolutePath());
        }
        if (coordinates.isEmpty()) {
            if (settings != null) {
                return null;
            }
            throw new IllegalArgumentException("name an artifact: %maven GROUP:ARTIFACT:VERSION, for example %maven org.jsoup:jsoup:1.18.1");
        }
        return loader.load(coordinates, update, invocation.cell());
    }
}
