package concurrencylab.launch.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How Jupyter starts the kernel: this JDK's {@code java}, the kernel's JVM flags, the jar.
 *
 * @param java absolute path of the {@code java} launcher
 * @param javaFeatureVersion feature version of that JDK, e.g. 25
 * @param jvmOptions flags before {@code -jar}
 * @param jar absolute path of the runnable jar
 */
public record LaunchCommand(Path java, int javaFeatureVersion, List<String> jvmOptions, Path jar) {

    public LaunchCommand {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Runs {@code jar} with the JVM running this code; its archive goes to the user's cache dir. */
    public static LaunchCommand forThisJvm(Path jar, InstallEnvironment environment, String kernelName) {
        String launcher = environment.isWindows() ? "java.exe" : "java";
        Path java = environment.javaHome().resolve("bin").resolve(launcher).toAbsolutePath();
        Path archive = JupyterDirs.userCache(environment).resolve(kernelName + "-" + fingerprint(jar) + ".jsa");
        return new LaunchCommand(java, Runtime.version().feature(), JvmOptions.forKernel(archive), jar);
    }

    /**
     * Names the class-data archive after the jar's size and time: the JVM does not replace an archive
     * made for an older jar (it only ignores it), so a rebuilt and reinstalled jar gets a fresh one.
     */
    static String fingerprint(Path jar) {
        try {
            return Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The jar this code was loaded from; install must run from the built jar, not from classes. */
    public static Path runningJar() {
        try {
            Path location = Path.of(LaunchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new InstallException("install runs from the built jar: "
                        + "java -jar app/target/concurrency-lab.jar install (build it with mvn package)");
            }
            return location.toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new InstallException("cannot tell where the jar is: " + e.getMessage(), e);
        }
    }

    /** {@code argv} of {@code kernel.json}; Jupyter fills in {@code {connection_file}}. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.add("kernel");
        argv.add("-f");
        argv.add("{connection_file}");
        return argv;
    }

    /** The directory of a {@code -XX:SharedArchiveFile=} flag, which must exist before the JVM writes there. */
    List<Path> directoriesToCreate() {
        String flag = "-XX:SharedArchiveFile=";
        return jvmOptions.stream()
                .filter(option -> option.startsWith(flag))
                .map(option -> Path.of(option.substring(flag.length())).getParent())
                .toList();
    }
}
