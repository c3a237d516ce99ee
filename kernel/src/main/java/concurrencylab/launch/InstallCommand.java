package concurrencylab.launch;

import concurrencylab.launch.install.InstallEnvironment;
import concurrencylab.launch.install.KernelspecInstaller;
import concurrencylab.launch.install.LaunchCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code install}: writes the kernelspec that runs this jar with the JVM running the installer. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the Jupyter kernelspec that runs this jar with this JDK.")
public final class InstallCommand implements Callable<Integer> {

    @Mixin
    LocationOptions locationOptions;

    @Option(names = "--name", paramLabel = "NAME", converter = KernelspecName.class,
            defaultValue = KernelspecName.DEFAULT, description = "Kernelspec name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--display-name", paramLabel = "TEXT",
            description = "Name shown in Jupyter's launcher (default: Java <version> (Concurrency Lab)).")
    String displayName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        InstallEnvironment environment = InstallEnvironment.current();
        LaunchCommand launch = LaunchCommand.forThisJvm(LaunchCommand.runningJar(), environment, name);
        Path kernelsDir = locationOptions.location().kernelsDir(environment);
        Path installed = KernelspecInstaller.install(kernelsDir, name, launch, displayName);
        spec.commandLine().getOut().println("Installed kernelspec " + name + " in " + installed);
        return 0;
    }
}
