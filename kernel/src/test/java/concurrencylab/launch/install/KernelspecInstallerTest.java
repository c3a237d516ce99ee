package concurrencylab.launch.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecInstallerTest {

    @TempDir
    Path temp;

    private LaunchCommand launch() {
        InstallEnvironment environment = new InstallEnvironment(
                Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString()), temp.resolve("home"), "Linux",
                Path.of(System.getProperty("java.home")));
        return LaunchCommand.forThisJvm(temp.resolve("lab.jar"), environment, "concurrency-lab");
    }

    private static JsonObject readSpec(Path specDir) throws IOException {
        return JsonParser.parseString(Files.readString(specDir.resolve("kernel.json"))).getAsJsonObject();
    }

    @Test
    void writesAKernelJsonJupyterCanLaunch() throws IOException {
        Path specDir = KernelspecInstaller.install(temp.resolve("kernels"), "concurrency-lab", launch(), null);

        assertEquals(temp.resolve("kernels/concurrency-lab"), specDir);
        JsonObject spec = readSpec(specDir);
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        Path java = Path.of(argv.get(0));
        assertTrue(java.isAbsolute() && Files.isExecutable(java), "java must be an absolute launcher: " + java);
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), java);
        int jar = argv.indexOf("-jar");
        assertEquals(temp.resolve("lab.jar").toString(), argv.get(jar + 1));
        assertEquals(List.of("kernel", "-f", "{connection_file}"), argv.subList(jar + 2, argv.size()));
        assertTrue(argv.subList(1, jar).contains("-Djava.awt.headless=true"), argv.toString());
        String archive = "-XX:SharedArchiveFile=" + temp.resolve("cache/concurrency-lab/concurrency-lab-");
        assertTrue(argv.stream().anyMatch(a -> a.startsWith(archive) && a.endsWith(".jsa")), argv.toString());
        assertTrue(Files.isDirectory(temp.resolve("cache/concurrency-lab")), "the archive's dir must exist");
        assertEquals("Java " + Runtime.version().feature() + " (Concurrency Lab)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertTrue(spec.getAsJsonObject("metadata").has("concurrency_lab"));
        assertTrue(Files.readString(specDir.resolve("kernel.json")).contains("-XX:+UseSerialGC"),
                "flags must not be escaped");
    }

    @Test
    void drawsBothLogosAtTheirSizes() throws IOException {
        Path specDir = KernelspecInstaller.install(temp, "concurrency-lab", launch(), null);
        for (int size : new int[] {32, 64}) {
            BufferedImage logo = ImageIO.read(specDir.resolve("logo-" + size + "x" + size + ".png").toFile());
            assertEquals(size, logo.getWidth());
            assertEquals(size, logo.getHeight());
            assertTrue((logo.getRGB(size / 2, size / 2) >>> 24) > 0, "the logo must not be transparent in the middle");
        }
    }

    @Test
    void reinstallReplacesTheOldSpecAndKeepsTheDisplayName() throws IOException {
        Path kernels = temp.resolve("kernels");
        Path specDir = KernelspecInstaller.install(kernels, "lab", launch(), null);
        Files.writeString(specDir.resolve("stale.txt"), "old");
        KernelspecInstaller.install(kernels, "lab", launch(), "Java for the lecture");

        assertFalse(Files.exists(specDir.resolve("stale.txt")));
        assertEquals("Java for the lecture", readSpec(specDir).get("display_name").getAsString());
    }

    @Test
    void uninstallRemovesTheSpecAndOnlyIt() throws IOException {
        Path kernels = temp.resolve("kernels");
        KernelspecInstaller.install(kernels, "concurrency-lab", launch(), null);
        Path neighbour = Files.createDirectories(kernels.resolve("python3"));

        KernelspecInstaller.uninstall(kernels, "concurrency-lab");

        assertFalse(Files.exists(kernels.resolve("concurrency-lab")));
        assertTrue(Files.isDirectory(neighbour));
    }

    @Test
    void uninstallOfAMissingSpecNamesTheDirectory() {
        InstallException problem = assertThrows(InstallException.class,
                () -> KernelspecInstaller.uninstall(temp, "concurrency-lab"));
        assertTrue(problem.getMessage().contains(temp.toString()), problem.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeWrittenGivesAnInstallException() throws IOException {
        Path blocker = Files.writeString(temp.resolve("not-a-dir"), "file");
        InstallException problem = assertThrows(InstallException.class,
                () -> KernelspecInstaller.install(blocker, "concurrency-lab", launch(), null));
        assertTrue(problem.getMessage().startsWith("cannot write " + blocker.resolve("concurrency-lab")),
                problem.getMessage());
    }
}
