package concurrencylab.magic;

import concurrencylab.deps.DependencyResolver;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import picocli.CommandLine.Command;

/** {@code %reset}: a fresh runtime JVM, with no declarations replayed and no dependencies. */
@Command(name = "reset", description = {"Start over: a fresh runtime with no variables, methods, classes, imports or dependencies.",
        "Unlike a restart after an interrupt or System.exit, nothing is replayed; the default imports come back."})
final class ResetMagic implements Magic {

    private final EngineSupervisor supervisor;
    private final DependencyResolver resolver;

    ResetMagic(EngineSupervisor supervisor, DependencyResolver resolver) {
        this.supervisor = supervisor;
        this.resolver = resolver;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        supervisor.reset();
        resolver.forget();
        return MagicOutcome.ok(MimeBundle.text("Fresh runtime: no declarations, no dependencies."));
    }
}
