package concurrencylab.launch.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How Jupyter starts the kernel: this JDK's {@code java}, the kernel's JVM flags, the jar.
 *
 * <p>The class-data archive ({@link JvmOptions}) is per user and is found when the kernel starts, not when
 * it is installed: a kernelspec installed once for a whole class (JupyterHub, {@code --sys-prefix}) must
 * not point every student's JVM at a file in the installing user's home, which that user could rewrite
 * and the others cannot write. On POSIX systems {@code /bin/sh} picks {@code $XDG_CACHE_HOME} or
 * {@code ~/.cache} of the user who runs the kernel, creates its directory owner-only, uses the archive only
 * from a directory that user owns, and then {@code exec}s the JVM (same process, so signals and exit status
 * are the JVM's). Windows has no such shell in its kernelspecs: there the installing user's cache dir is
 * written in, which suits the per-user installs usual there.
 *
 * @param java absolute path of the {@code java} launcher
 * @param javaFeatureVersion feature version of that JDK, e.g. 25
 * @param jvmOptions flags before {@code -jar}, the archive's aside
 * @param jar absolute path of the runnable jar
 * @param archiveName file name of the class-data archive in the user's cache dir
 * @param installTimeCache on Windows, the installing user's cache dir; null elsewhere
 */
public record LaunchCommand(Path java, int javaFeatureVersion, List<String> jvmOptions, Path jar, String archiveName,
                            Path installTimeCache) {

    /** The POSIX shell that resolves the user's cache dir at run time. */
    static final String SHELL = "/bin/sh";

    public LaunchCommand {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Runs {@code jar} with the JVM running this code; its archive goes to the running user's cache dir. */
    public static LaunchCommand forThisJvm(Path jar, InstallEnvironment environment, String kernelName) {
        String launcher = environment.isWindows() ? "java.exe" : "java";
        Path java = environment.javaHome().resolve("bin").resolve(launcher).toAbsolutePath();
        String archive = kernelName + "-" + fingerprint(jar) + ".jsa";
        return new LaunchCommand(java, Runtime.version().feature(), JvmOptions.forKernel(), jar, archive,
                environment.isWindows() ? JupyterDirs.userCache(environment) : null);
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
        if (installTimeCache == null) {
            argv.add(SHELL);
            argv.add("-c");
            argv.add(runTimeArchiveScript());
            argv.add(java.toString()); // $0 of the script
        } else {
            argv.add(java.toString());
            argv.addAll(JvmOptions.sharedArchive(installTimeCache.resolve(archiveName).toString()));
        }
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.add("kernel");
        argv.add("-f");
        argv.add("{connection_file}");
        return argv;
    }

    /**
     * {@code sh -c SCRIPT JAVA ARGS...}: runs JAVA with the archive flags in the running user's cache dir
     * (created 0700 when missing), where a crash report goes too, or without them when that dir cannot be
     * made or is not the user's own.
     */
    String runTimeArchiveScript() {
        if (!archiveName.matches("[A-Za-z0-9._-]+")) {
            throw new InstallException("not a file name for the class-data archive: " + archiveName);
        }
        List<String> flags = new ArrayList<>(JvmOptions.sharedArchive("$cache/" + archiveName));
        // A crash report holds memory and the environment: in the owner-only dir, not the shared temp dir.
        flags.add("-XX:ErrorFile=$cache/hs_err_pid%p.log");
        String archiveFlags = flags.stream().map(flag -> "\"" + flag + "\"").collect(Collectors.joining(" "));
        return "cache=\"${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/concurrency-lab\"; "
                + "if mkdir -p -m 700 \"$cache\" 2>/dev/null && [ -O \"$cache\" ] && [ -w \"$cache\" ]; "
                + "then exec \"$0\" " + archiveFlags + " \"$@\"; fi; "
                + "exec \"$0\" \"$@\"";
    }

    /** The archive's directory, which must exist before the JVM writes there (Windows only: see above). */
    List<Path> directoriesToCreate() {
        return installTimeCache == null ? List.of() : List.of(installTimeCache);
    }
}
