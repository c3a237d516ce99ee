package concurrencylab.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "--bogus", "frobnicate", "kernel", "kernel -f", "install --user --sys-prefix",
        "install --prefix", "install --name a/b", "uninstall --user --prefix /tmp", "install extra-arg"
    })
    void badArgumentsGiveAShortUsageOnStderrAndExitCode2(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(2, run(args), err.toString());
        String message = err.toString();
        assertTrue(message.contains("Usage: concurrency-lab"), message);
        assertTrue(message.lines().count() <= 6, "usage should be short:\n" + message);
        assertEquals("", out.toString());
    }

    @Test
    void versionNamesTheProjectAndTheJvm() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("Concurrency Lab "), out.toString());
        assertTrue(out.toString().contains("Java " + Runtime.version().feature()), out.toString());
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"kernel", "install", "uninstall"}) {
            assertTrue(out.toString().contains(command), out.toString());
        }
    }

    @Test
    void installOutsideTheJarFailsWithOneLineAndExitCode1(@TempDir Path prefix) {
        assertEquals(1, run("install", "--prefix", prefix.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("java -jar app/target/concurrency-lab.jar install"), err.toString());
        assertFalse(Files.exists(prefix.resolve("share")));
    }

    @Test
    void uninstallOfAMissingSpecSaysWhereItLookedAndExits1(@TempDir Path prefix) {
        assertEquals(1, run("uninstall", "--prefix", prefix.toString()));
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("no kernelspec concurrency-lab in " + prefix.resolve("share/jupyter/kernels")),
                message);
    }

    @Test
    void anUnknownLogLevelIsRefusedWithTheLevelsThatExist(@TempDir Path dir) {
        assertEquals(2, run("kernel", "-f", dir.resolve("kernel.json").toString(), "--log-level", "loud"));
        String message = err.toString();
        assertTrue(message.contains("--log-level") && message.contains("DEBUG") && message.contains("WARNING"), message);
    }
}
