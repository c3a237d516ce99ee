package concurrencylab.magic;

import concurrencylab.deps.DependencyResolver;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %mavenRepo ID URL}: one more repository for {@code %maven}; without arguments, the list. */
@Command(name = "mavenRepo", description = {
        "Add a Maven repository for %%maven: %%mavenRepo ID URL; without arguments, list the repositories.",
        "Searched after Maven Central and the repositories of ~/.m2/settings.xml; mirrors of the settings apply."})
final class MavenRepoMagic implements Magic {

    private final DependencyResolver resolver;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "the repository's id (the id of its server in settings.xml, for credentials)")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL", description = "its URL: https://..., http://... or file:///...")
    String url;

    MavenRepoMagic(DependencyResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        if (id != null && url == null) {
            throw new IllegalArgumentException("give the repository's URL too: %mavenRepo " + id + " URL");
        }
        if (id != null) {
            resolver.addRepository(id, url);
        }
        return MagicOutcome.ok(MimeBundle.text("Repositories: " + String.join(", ", resolver.repositories())));
    }
}
