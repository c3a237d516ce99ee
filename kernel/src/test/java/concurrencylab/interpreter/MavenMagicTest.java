package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven}, {@code %mavenRepo} and {@code %loadFromPOM} against Maven repositories the test lays out on
 * disk (no network): transitive dependencies, a mirror and a local repository from settings.xml, a version
 * conflict, each kind of failure in one line, and the jars after a runtime restart.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenMagicTest {

    @TempDir
    static Path scratch;

    private static JShellInterpreter interpreter;
    private static TestMavenRepository mirror;
    private static TestMavenRepository extra;
    private static Path settings;
    private static Path localRepository;

    @BeforeAll
    static void repositories() throws Exception {
        interpreter = new JShellInterpreter(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        interpreter.start();
        mirror = new TestMavenRepository(scratch.resolve("mirror"))
                .publish("names", "1.0", "demo.names", "Names",
                        "public class Names { public static String polite(String who) { return \"Hello, \" + who + \" (names 1.0)\"; } }", List.of())
                .publish("names", "2.0", "demo.names", "Names",
                        "public class Names { public static String polite(String who) { return \"Hi, \" + who + \" (names 2.0)\"; } }", List.of())
                .publish("greeting-lib", "1.0", "demo.greeting", "Greeter",
                        "public class Greeter { public static String greet(String who) { return demo.names.Names.polite(who); } }",
                        List.of("demo:names:1.0"))
                .publish("corrupt", "1.0", "demo.corrupt", "Corrupt", "public class Corrupt { }", List.of())
                .publish("big-lib", "1.0", "demo.big", "Big", "public class Big { }", List.of());
        mirror.corruptChecksum("corrupt", "1.0");
        extra = new TestMavenRepository(scratch.resolve("extra"))
                .publish("names", "2.0", "demo.names", "Names",
                        "public class Names { public static String polite(String who) { return \"Hi, \" + who + \" (names 2.0)\"; } }", List.of())
                .publish("other-lib", "1.0", "demo.other", "Other",
                        "public class Other { public static String shout(String who) { return demo.names.Names.polite(who).toUpperCase(); } }",
                        List.of("demo:names:2.0"))
                .publish("pom-tool", "3.1", "demo.tool", "Tool", "public class Tool { public static int answer() { return 42; } }", List.of());
        localRepository = scratch.resolve("local");
        settings = TestMavenRepository.settings(scratch.resolve("settings.xml"), localRepository, mirror.url(), false);
    }

    @AfterAll
    static void stop() {
        interpreter.shutdown(false);
    }

    private static String text(ExecuteOutcome outcome) {
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        return outcome.result().data().get("text/plain").getAsString();
    }

    private static ExecuteOutcome run(String code) {
        return interpreter.execute(code, new RecordingCell());
    }

    @Test
    @Order(1)
    void resolvesTransitivelyThroughTheSettingsMirrorIntoTheSettingsLocalRepository() {
        String table = text(run("%maven -s " + settings + " demo:greeting-lib:1.0"));
        assertTrue(table.matches("(?s)artifact\\s+version\\n.*demo:greeting-lib\\s+1\\.0\\s+added\\n.*"), table);
        assertTrue(table.matches("(?s).*demo:names\\s+1\\.0\\s+added\\n.*"), table);
        assertTrue(table.contains("local repository " + localRepository), table);
        assertTrue(Files.exists(localRepository.resolve("demo/greeting-lib/1.0/greeting-lib-1.0.jar")), "the settings' local repository");
        assertEquals("\"Hello, Ada (names 1.0)\"", text(run("demo.greeting.Greeter.greet(\"Ada\")")));
        assertTrue(interpreter.complete("demo.greeting.Gre", 17).matches().contains("Greeter"), "the compiler sees the new types");
        assertTrue(text(run("%classpath")).contains("greeting-lib-1.0.jar"), "%classpath shows the jars");
    }

    @Test
    @Order(2)
    void aRepositoryAddedWithMavenRepoServesAndMavenSettlesTheConflictNearestFirst() {
        assertTrue(text(run("%mavenRepo extra " + extra.url())).contains("extra (" + extra.url() + ")"));
        String table = text(run("%maven demo:other-lib:1.0"));
        assertTrue(table.matches("(?s).*demo:other-lib\\s+1\\.0\\s+added\\n.*"), table);
        assertTrue(table.contains("conflict: demo:names 1.0 chosen over 2.0 (wanted by demo:other-lib:1.0)"), table);
        assertEquals("\"HELLO, BO (NAMES 1.0)\"", text(run("demo.other.Other.shout(\"Bo\")")));
    }

    @Test
    @Order(3)
    void eachFailureIsOneLineNamingTheArtifactAndTheReasonAndEarlierDependenciesStay() throws Exception {
        ExecuteOutcome unknown = run("%maven demo:no-such-lib:1.0");
        assertEquals("DependencyError", unknown.error().ename());
        assertTrue(unknown.error().evalue().startsWith("cannot resolve demo:no-such-lib:jar:1.0: not found in "), unknown.error().evalue());
        assertEquals(1, unknown.error().traceback().size(), unknown.error().traceback()::toString);

        ExecuteOutcome corrupt = run("%maven demo:corrupt:1.0");
        assertTrue(corrupt.error().evalue().startsWith("cannot resolve demo:corrupt:jar:1.0: checksum mismatch from "), corrupt.error().evalue());

        ExecuteOutcome notCoordinates = run("%maven jsoup");
        assertTrue(notCoordinates.error().evalue().contains("jsoup: not Maven coordinates: write GROUP:ARTIFACT:VERSION"),
                notCoordinates.error().evalue());

        ExecuteOutcome both = run("%maven demo:pom-tool:3.1 demo:missing-too:2.0");
        List<String> lines = both.error().traceback();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("cannot resolve demo:missing-too:jar:2.0: not found in "), lines.get(0));
        assertTrue(lines.get(0).contains("test-mirror (" + mirror.url() + ")") && lines.get(0).contains("extra (" + extra.url() + ")"),
                "names every repository it looked in: " + lines.get(0));
        assertTrue(lines.get(0).endsWith(": check the coordinates, or add its repository with %mavenRepo (the dependencies loaded before stay)"),
                lines.get(0));
        assertEquals("42", text(run("demo.tool.Tool.answer()")), "the good one of the two loaded");

        Path offline = TestMavenRepository.settings(scratch.resolve("offline.xml"), scratch.resolve("empty-local"), mirror.url(), true);
        ExecuteOutcome offlineMiss = run("%maven -s " + offline + " demo:corrupt:1.0");
        assertTrue(offlineMiss.error().evalue().contains("demo:corrupt:jar:1.0: offline (the Maven settings say so) and not in the local repository"),
                offlineMiss.error().evalue());

        Path unreachable = TestMavenRepository.settings(scratch.resolve("unreachable.xml"), scratch.resolve("other-local"),
                "http://127.0.0.1:9/maven2/", false);
        ExecuteOutcome down = run("%maven -s " + unreachable + " demo:corrupt:1.0");
        assertTrue(down.error().evalue().contains("demo:corrupt:jar:1.0: repository unreachable from test-mirror (http://127.0.0.1:9/maven2/)"),
                down.error().evalue());

        assertTrue(run("%maven -s " + settings).succeeded());
        assertEquals("\"Hello, Cy (names 1.0)\"", text(run("demo.greeting.Greeter.greet(\"Cy\")")), "earlier dependencies stay");
    }

    @Test
    @Order(4)
    void anInterruptStopsTheDownloads() throws Exception {
        Path fresh = TestMavenRepository.settings(scratch.resolve("fresh.xml"), scratch.resolve("fresh-local"), mirror.url(), false);
        RecordingCell recording = new RecordingCell();
        // interrupted as soon as the first progress line shows, as a user pressing stop during a download
        java.util.concurrent.atomic.AtomicBoolean shown = new java.util.concurrent.atomic.AtomicBoolean();
        concurrencylab.spi.CellContext cell = (concurrencylab.spi.CellContext) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {concurrencylab.spi.CellContext.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("interruptRequested")) {
                        return shown.get();
                    }
                    if (method.getName().equals("display")) {
                        shown.set(true);
                    }
                    return method.invoke(recording, arguments);
                });
        ExecuteOutcome outcome = interpreter.execute("%maven -s " + fresh + " demo:big-lib:1.0", cell);
        assertTrue(shown.get(), "a progress line showed");
        assertTrue(!outcome.succeeded(), () -> outcome.result().data() + " after " + recording.displays());
        assertEquals("DependencyError", outcome.error().ename(), outcome.error()::toString);
        assertTrue(outcome.error().evalue().contains("demo:big-lib:jar:1.0: download stopped by the interrupt"), outcome.error().evalue());
        assertTrue(run("%maven -s " + settings).succeeded());
    }

    @Test
    @Order(5)
    void loadFromPomTakesAFilesOrACellsDependenciesWithTheirProperties() throws Exception {
        Path pom = scratch.resolve("pom.xml");
        Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>y</artifactId><version>1</version>"
                + "<properties><tool.version>3.1</tool.version></properties><dependencies>"
                + "<dependency><groupId>demo</groupId><artifactId>pom-tool</artifactId><version>${tool.version}</version></dependency>"
                + "<dependency><groupId>demo</groupId><artifactId>corrupt</artifactId><version>1.0</version><scope>test</scope></dependency>"
                + "</dependencies></project>");
        String table = text(run("%loadFromPOM " + pom));
        assertTrue(table.matches("(?s).*demo:pom-tool\\s+3\\.1\\s+already loaded\\n.*"), table);
        String cell = text(run("%%loadFromPOM\n<repositories><repository><id>extra</id><url>" + extra.url() + "</url></repository></repositories>\n"
                + "<dependencies>\n  <dependency><groupId>demo</groupId><artifactId>names</artifactId><version>2.0</version></dependency>\n</dependencies>"));
        assertTrue(cell.matches("(?s)artifact\\s+version\ndemo:names\\s+1\\.0\\s+already loaded\n.*"), cell);
        assertTrue(cell.contains("conflict: demo:names 2.0 not loaded: the runtime holds 1.0 already (restart the kernel to change versions)"), cell);
        ExecuteOutcome missing = run("%loadFromPOM " + scratch.resolve("nothing.xml"));
        assertEquals("UsageError", missing.error().ename());
        assertTrue(missing.error().evalue().contains("nothing.xml does not exist"), missing.error().evalue());
    }

    @Test
    @Order(6)
    void theJarsComeBackAfterTheRuntimeRestarts() {
        ExecuteOutcome exit = run("System.exit(3);");
        assertEquals("RuntimeDied", exit.error().ename());
        assertEquals("\"Hello, Di (names 1.0)\"", text(run("demo.greeting.Greeter.greet(\"Di\")")));
        assertEquals("42", text(run("demo.tool.Tool.answer()")));
    }

    @Test
    @Order(7)
    void anArtifactTheUsersLocalRepositoryHoldsResolvesOfflineThroughTheirSettings() throws Exception {
        // picocli is one of the kernel's own dependencies, so the Maven build that made this kernel left it in ~/.m2.
        Path userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path offline = TestMavenRepository.settings(scratch.resolve("user-offline.xml"), null, null, true);
        String table = text(run("%maven -s " + offline + " info.picocli:picocli:4.7.7"));
        assertTrue(table.matches("(?s).*info\\.picocli:picocli\\s+4\\.7\\.7\\s+added\\n.*"), table);
        assertTrue(table.contains("local repository " + userRepository + ", offline"), table);
        assertFalse(table.contains("Downloaded"), table);
    }
}
