package concurrencylab.launch.install;

import java.nio.file.Path;

/** Jupyter's per-user directories, resolved as jupyter_core does it. */
final class JupyterDirs {

    private JupyterDirs() {
    }

    /** The user data dir: $JUPYTER_DATA_DIR, else the platform's default. */
    static Path userData(InstallEnvironment environment) {
        String override = environment.variable("JUPYTER_DATA_DIR");
        if (override != null) {
            return Path.of(override);
        }
        if (environment.isWindows()) {
            String appData = environment.variable("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : environment.home().resolve("AppData/Roaming/jupyter");
        }
        if (environment.isMac()) {
            return environment.home().resolve("Library/Jupyter");
        }
        String xdgData = environment.variable("XDG_DATA_HOME");
        Path base = xdgData != null ? Path.of(xdgData) : environment.home().resolve(".local/share");
        return base.resolve("jupyter");
    }

    /** Where the kernel JVM keeps its class-data sharing archive: the user's cache dir. */
    static Path userCache(InstallEnvironment environment) {
        String xdgCache = environment.variable("XDG_CACHE_HOME");
        Path base = xdgCache != null ? Path.of(xdgCache) : environment.home().resolve(".cache");
        return base.resolve("concurrency-lab");
    }
}
