package concurrencylab.launch;

import concurrencylab.launch.install.KernelspecLocation;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the kernelspec goes, as Jupyter names the places: at most one of --user, --sys-prefix, --prefix. */
public final class LocationOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--user", description = "Your Jupyter data dir (the default).")
        boolean user;

        @Option(names = "--sys-prefix",
                description = "share/jupyter/kernels of the Python that runs jupyter (a venv or conda env).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "DIR/share/jupyter/kernels.")
        Path prefix;
    }

    /** The chosen location; {@code --user} when none is given. */
    public KernelspecLocation location() {
        if (choice == null || choice.user) {
            return KernelspecLocation.user();
        }
        if (choice.sysPrefix) {
            return KernelspecLocation.sysPrefix();
        }
        return KernelspecLocation.prefix(choice.prefix.toAbsolutePath().normalize());
    }
}
