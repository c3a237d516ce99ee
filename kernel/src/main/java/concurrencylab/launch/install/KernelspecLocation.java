package concurrencylab.launch.install;

import java.nio.file.Path;

/** The three places Jupyter looks for kernelspecs that an installer can write to. */
public sealed interface KernelspecLocation {

    /** The {@code kernels} directory this location stands for. */
    Path kernelsDir(InstallEnvironment environment);

    static KernelspecLocation user() {
        return new User();
    }

    static KernelspecLocation sysPrefix() {
        return new SysPrefix();
    }

    static KernelspecLocation prefix(Path prefix) {
        return new Prefix(prefix);
    }

    /** {@code --user}: the user's Jupyter data dir. */
    record User() implements KernelspecLocation {
        @Override
        public Path kernelsDir(InstallEnvironment environment) {
            return JupyterDirs.userData(environment).resolve("kernels");
        }
    }

    /** {@code --sys-prefix}: {@code sys.prefix} of the Python that runs {@code jupyter}. */
    record SysPrefix() implements KernelspecLocation {
        @Override
        public Path kernelsDir(InstallEnvironment environment) {
            return PythonPrefix.find(environment).resolve("share/jupyter/kernels");
        }
    }

    /** {@code --prefix DIR}: {@code DIR/share/jupyter/kernels}. */
    record Prefix(Path prefix) implements KernelspecLocation {
        @Override
        public Path kernelsDir(InstallEnvironment environment) {
            return prefix.resolve("share/jupyter/kernels");
        }
    }
}
