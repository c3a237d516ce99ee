package concurrencylab.launch.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes and removes a kernelspec directory: {@code kernel.json} and the two logos. */
public final class KernelspecInstaller {

    private KernelspecInstaller() {
    }

    /** Writes {@code kernelsDir/name}, replacing what was there; returns that directory. */
    public static Path install(Path kernelsDir, String name, LaunchCommand launch, String displayName) {
        Path specDir = kernelsDir.resolve(name);
        KernelSpec spec = KernelSpec.of(launch, displayName, VersionInfo.projectVersion());
        try {
            for (Path dir : launch.directoriesToCreate()) {
                Files.createDirectories(dir);
            }
            if (Files.exists(specDir)) {
                deleteTree(specDir);
            }
            Files.createDirectories(specDir);
            Files.writeString(specDir.resolve("kernel.json"), spec.toJson(), StandardCharsets.UTF_8);
            Files.write(specDir.resolve("logo-32x32.png"), LogoPainter.png(32));
            Files.write(specDir.resolve("logo-64x64.png"), LogoPainter.png(64));
            return specDir;
        } catch (IOException e) {
            throw new InstallException("cannot write " + specDir + ": " + describe(e)
                    + " (try --user, or run as a user who may write there)", e);
        }
    }

    /** Removes {@code kernelsDir/name}; returns the removed directory. */
    public static Path uninstall(Path kernelsDir, String name) {
        Path specDir = kernelsDir.resolve(name);
        if (!Files.isRegularFile(specDir.resolve("kernel.json"))) {
            throw new InstallException("no kernelspec " + name + " in " + kernelsDir
                    + " (jupyter kernelspec list shows where it is installed)");
        }
        try {
            deleteTree(specDir);
            return specDir;
        } catch (IOException e) {
            throw new InstallException("cannot remove " + specDir + ": " + describe(e), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return e.getMessage() == null ? kind : kind.toLowerCase(java.util.Locale.ROOT) + " " + e.getMessage();
    }
}
