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
import java.nio.file.attribute.PosixFilePermissions;
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
        assertEquals(List.of("/bin/sh", "-c"), argv.subList(0, 2), "a shell finds the user's cache dir at run time");
        Path java = Path.of(argv.get(3));
        assertTrue(java.isAbsolute() && Files.isExecutable(java), "java must be an absolute launcher: " + java);
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), java);
        int jar = argv.indexOf("-jar");
        assertEquals(temp.resolve("lab.jar").toString(), argv.get(jar + 1));
        assertEquals(List.of("kernel", "-f", "{connection_file}"), argv.subList(jar + 2, argv.size()));
        assertTrue(argv.subList(4, jar).contains("-Djava.awt.headless=true"), argv.toString());
        assertTrue(argv.stream().noneMatch(a -> a.contains(temp.resolve("cache").toString())),
                "no path of the installing user's: " + argv);
        assertTrue(argv.get(2).contains("\"-XX:SharedArchiveFile=$cache/concurrency-lab-") && argv.get(2).contains(".jsa\""),
                argv.get(2));
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

    /** What the kernelspec's shell runs, with {@code echo} standing in for java. */
    private String launchAs(Map<String, String> environment) throws Exception {
        LaunchCommand launch = launch();
        ProcessBuilder shell = new ProcessBuilder("/bin/sh", "-c", launch.runTimeArchiveScript(), "/bin/echo", "-jar", "lab.jar");
        shell.environment().clear();
        shell.environment().putAll(environment);
        Process process = shell.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor());
        return out;
    }

    @Test
    void theArchiveIsInTheCacheDirOfWhoeverRunsTheKernel() throws Exception {
        Path home = Files.createDirectories(temp.resolve("student"));
        String flags = launchAs(Map.of("HOME", home.toString()));
        Path cache = home.resolve(".cache/concurrency-lab");
        assertTrue(flags.startsWith("-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + cache + "/concurrency-lab-"), flags);
        assertTrue(flags.endsWith(".jsa -XX:ErrorFile=" + cache + "/hs_err_pid%p.log -jar lab.jar"), flags);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));

        Path xdg = temp.resolve("xdg");
        assertTrue(launchAs(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", xdg.toString()))
                .contains("-XX:SharedArchiveFile=" + xdg.resolve("concurrency-lab") + "/"));

        Path blocked = Files.writeString(temp.resolve("blocked"), "a file where the cache dir would go");
        assertEquals("-jar lab.jar", launchAs(Map.of("XDG_CACHE_HOME", blocked.toString())),
                "without a cache dir of its own the kernel runs without the archive");
    }

    @Test
    void onWindowsTheArchiveIsInTheInstallingUsersCacheDir() {
        InstallEnvironment windows = new InstallEnvironment(Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString()),
                temp.resolve("home"), "Windows 11", Path.of(System.getProperty("java.home")));
        List<String> argv = LaunchCommand.forThisJvm(temp.resolve("lab.jar"), windows, "concurrency-lab").argv();
        assertTrue(argv.get(0).endsWith("java.exe"), argv.toString());
        assertTrue(argv.get(2).startsWith("-XX:SharedArchiveFile=" + temp.resolve("cache/concurrency-lab/concurrency-lab-")),
                argv.toString());
    }
}
