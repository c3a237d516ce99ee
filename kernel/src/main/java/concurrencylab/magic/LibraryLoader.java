package concurrencylab.magic;

import concurrencylab.deps.DependencyResolver;
import concurrencylab.deps.Resolution;
import concurrencylab.deps.ResolutionTable;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.ExecuteOutcome.ErrorInfo;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What {@code %maven} and {@code %loadFromPOM} share: resolve, show progress in one display updated in
 * place, put the new jars on the class path of the compiler, the runtime and the worker JVMs (and so into
 * every restart's replay), and answer with the resolution table, or one line per artifact that failed.
 */
final class LibraryLoader {

    private final DependencyResolver resolver;
    private final EngineSupervisor supervisor;

    LibraryLoader(DependencyResolver resolver, EngineSupervisor supervisor) {
        this.resolver = resolver;
        this.supervisor = supervisor;
    }

    DependencyResolver resolver() {
        return resolver;
    }

    MagicOutcome load(List<String> coordinates, boolean update, CellContext cell) {
        Progress progress = new Progress(cell);
        Resolution resolution = resolver.resolve(coordinates, update, progress::show, cell::interruptRequested);
        progress.finish();
        for (Path jar : resolution.addedFiles()) {
            supervisor.addToClasspath(jar.toString());
        }
        if (resolution.failures().isEmpty()) {
            return MagicOutcome.ok(ResolutionTable.of(resolution));
        }
        if (!resolution.artifacts().isEmpty()) {
            cell.display(ResolutionTable.of(resolution), null, false);
        }
        List<String> lines = resolution.failures().stream().map(Resolution.Failure::line).toList();
        String kept = resolution.artifacts().isEmpty() && resolver.loaded().isEmpty() ? ""
                : " (the dependencies loaded before stay)";
        String evalue = (lines.size() == 1 ? "cannot resolve " + lines.get(0) : "cannot resolve " + lines.size() + " artifacts") + kept;
        List<String> traceback = lines.size() == 1 ? List.of(evalue)
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(evalue), lines.stream().map(l -> "  " + l)).toList();
        return MagicOutcome.of(ExecuteOutcome.failed(new ErrorInfo("DependencyError", evalue, traceback)));
    }

    /** One display updated in place while files download; it ends as the download summary or disappears. */
    private static final class Progress {
        private final CellContext cell;
        private final String displayId = "maven-" + UUID.randomUUID();
        private boolean shown;

        Progress(CellContext cell) {
            this.cell = cell;
        }

        synchronized void show(String line) {
            cell.display(MimeBundle.text(line), displayId, shown);
            shown = true;
        }

        synchronized void finish() {
            if (shown) {
                cell.display(MimeBundle.text("Downloads done."), displayId, true);
            }
        }
    }
}
