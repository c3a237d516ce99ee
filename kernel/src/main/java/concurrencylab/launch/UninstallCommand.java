package concurrencylab.launch;

import concurrencylab.launch.install.InstallEnvironment;
import concurrencylab.launch.install.KernelspecInstaller;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uninstall}: removes the kernelspec directory from the chosen location. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove the kernelspec from the chosen location.")
public final class UninstallCommand implements Callable<Integer> {

    @Mixin
    LocationOptions locationOptions;

    @Option(names = "--name", paramLabel = "NAME", converter = KernelspecName.class,
            defaultValue = KernelspecName.DEFAULT, description = "Kernelspec name (default: ${DEFAULT-VALUE}).")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path kernelsDir = locationOptions.location().kernelsDir(InstallEnvironment.current());
        Path removed = KernelspecInstaller.uninstall(kernelsDir, name);
        spec.commandLine().getOut().println("Removed kernelspec " + name + " from " + removed);
        return 0;
    }
}
