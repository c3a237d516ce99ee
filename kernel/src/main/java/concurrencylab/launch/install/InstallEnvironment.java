package concurrencylab.launch.install;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the installer reads from the outside world, as one value so tests can give it temp dirs.
 *
 * @param variables environment variables (JUPYTER_DATA_DIR, XDG_DATA_HOME, XDG_CACHE_HOME, PATH, APPDATA)
 * @param home the user's home directory
 * @param osName {@code os.name}
 * @param javaHome {@code java.home} of the JVM that the kernel will run on
 */
public record InstallEnvironment(Map<String, String> variables, Path home, String osName, Path javaHome) {

    public static InstallEnvironment current() {
        return new InstallEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"), Path.of(System.getProperty("java.home")));
    }

    String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    boolean isWindows() {
        return osName.startsWith("Windows");
    }

    boolean isMac() {
        return osName.startsWith("Mac");
    }
}
