package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.cluster.MemberCommand;
import concurrencylab.harness.cluster.NotebookCluster;
import concurrencylab.spi.ExecuteOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %cluster} and {@code %%cluster} in a real JShell, with real members: separate JVMs that
 * {@code %cluster start} forks on loopback, each its own Hazelcast member. Results equal serial's, the
 * notebook's classes and variables arrive, so do its jars (one added after the cluster started, and to a member
 * that joined later), a killed member's task runs again elsewhere, an interrupt leaves
 * no member busy, and a cluster out of reach is one clear line.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterInJShellTest {

    /** A loaded two-core machine starts a Hazelcast member in seconds, sometimes tens of them. */
    private static final long PATIENCE_MILLIS = 60_000;
    private static NotebookShell notebook;
    @TempDir
    static Path libraries;

    @BeforeAll
    static void startShellAndCluster() throws IOException {
        notebook = new NotebookShell();
        ExecuteOutcome started = notebook.line("start", "-n", "2");
        assertTrue(started.succeeded(), () -> String.valueOf(started.error()));
    }

    @AfterAll
    static void stop() {
        NotebookCluster.stop();
        notebook.close();
    }

    private static String eval(String code) {
        return notebook.eval(code);
    }

    private static ExecuteOutcome line(String... args) {
        return notebook.line(args);
    }

    private static ExecuteOutcome cluster(int tasks, String body) {
        return notebook.cell(new ClusterMagic(), body, "-t", String.valueOf(tasks), "-o", "run");
    }

    private static String results(int tasks, String body) {
        return notebook.clusterResults(tasks, body);
    }

    private static String printed(Runnable action) {
        return NotebookShell.printed(action);
    }

    @Test
    @Order(1)
    void theClusterListsItsTwoMembersAndTheirMachines() {
        String listing = printed(() -> assertTrue(line().succeeded()));
        assertTrue(listing.contains("(started here), 2 member(s)"), listing);
        for (String address : NotebookCluster.startedMembers().keySet()) {
            assertTrue(listing.contains(address), listing);
        }
        assertTrue(listing.contains("JDK " + Runtime.version().feature()), listing);
    }

    @Test
    @Order(2)
    void resultsComeBackInTaskOrderAndEqualSerials() {
        String body = "long n = 200_000, from = Task.index() * n / Task.count(), to = (Task.index() + 1) * n / Task.count();"
                + " long count = 0; for (long k = Math.max(2, from); k < to; k++) { boolean prime = true;"
                + " for (long d = 2; d * d <= k; d++) { if (k % d == 0) { prime = false; break; } } if (prime) count++; }"
                + " return count;";
        assertEquals(notebook.serialResults(6, body), results(6, body));
        assertEquals("[0, 1, 2, 3, 4, 5]", eval("run.tasks().stream().map(t -> t.index()).toList()"));
        assertEquals("2", eval("run.tasks().stream().map(t -> t.worker()).distinct().count()"), "both members ran tasks");
    }

    @Test
    @Order(3)
    void notebookClassesMethodsAndVariablesArriveOnTheMembers() {
        eval("record Range(long from, long to) implements java.io.Serializable { long size() { return to - from; } }");
        eval("java.util.List<Range> ranges = java.util.List.of(new Range(0, 5), new Range(5, 9), new Range(9, 30));");
        eval("long offset = 100;");
        eval("long shifted(long x) { return x + offset; }");
        assertEquals("[105, 104, 121]", results(3, "return shifted(ranges.get(Task.index()).size());"));
        assertTrue(eval("run.state().variables()").contains("ranges"), eval("run.state()"));
        assertEquals("[Range[from=0, to=1], Range[from=1, to=2]]", results(2, "return new Range(Task.index(), Task.index() + 1);"),
                "a notebook record comes back as itself");
        eval("offset = 1000;");
        assertEquals("[1005, 1004, 1021]", results(3, "return shifted(ranges.get(Task.index()).size());"),
                "a changed value crosses again");
    }

    @Test
    @Order(4)
    void aLibraryJarAddedAfterTheClusterStartedReachesTheMembersOnce() throws IOException {
        Path jar = TestLibrary.jar(libraries, "geometry", "demo.geometry", "Point", "public record Point(long x, long y)"
                + " implements java.io.Serializable { public long manhattan() { return Math.abs(x) + Math.abs(y); } }");
        notebook.addToClasspath(jar.toString());
        eval("import demo.geometry.Point;");
        eval("java.util.List<Point> points = java.util.List.of(new Point(1, 2), new Point(-3, 4), new Point(5, -6), new Point(0, 8));");
        String body = "return points.get(Task.index()).manhattan();";
        String[] results = new String[1];
        String out = printed(() -> results[0] = results(4, body));
        assertEquals("[3, 7, 11, 8]", results[0]);
        assertEquals(notebook.serialResults(4, body), results[0]);
        assertEquals("2", eval("run.tasks().stream().map(t -> t.worker()).distinct().count()"), "both members loaded the library");
        assertTrue(eval("run.state().variables()").contains("points"), "a value of the library's type crossed");
        assertTrue(out.contains("sent 1 jar of the notebook's class path ("), out);
        String again = printed(() -> assertEquals("[Point[x=0, y=1], Point[x=1, y=1]]",
                results(2, "return new Point(Task.index(), 1);"), "a value of the library's type comes back"));
        assertFalse(again.contains("sent "), "the jar crossed once: " + again);
    }

    @Test
    @Order(5)
    void aClassFolderAddedLaterReachesAMemberThatJoinedLater() throws Exception {
        Path folder = TestLibrary.classFolder(libraries.resolve("scaling"), "demo.scaling", "Scale",
                "public final class Scale { public static long times(long value) { return value * 1000; } }");
        notebook.addToClasspath(folder.toString());
        eval("import demo.scaling.Scale;");
        String clusterName = NotebookCluster.describe().split(" ")[1];
        String first = NotebookCluster.startedMembers().keySet().iterator().next();
        Process late = new ProcessBuilder(MemberCommand.javaCommand("--interface", "127.0.0.1", "--port", String.valueOf(freePort()),
                "--cluster", clusterName, "--join", first, "--exit-with-parent"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertTrue(memberCountBecomes(3), "the late member joined");
            String[] results = new String[1];
            String out = printed(() -> results[0] = results(3, "return Scale.times(points.get(Task.index()).manhattan());"));
            assertEquals("[3000, 7000, 11000]", results[0]);
            assertEquals("3", eval("run.tasks().stream().map(t -> t.worker()).distinct().count()"),
                    "the late member, too, ran a task with both libraries");
            assertTrue(out.contains("sent 1 jar of the notebook's class path ("), "only the folder is new: " + out);
        } finally {
            late.destroyForcibly();
            late.onExit().join();
            assertTrue(memberCountBecomes(2), "the late member left");
        }
    }

    @Test
    @Order(6)
    void aTaskFailureNamesTheNotebooksCodeAndTheOthersStillCount() {
        ExecuteOutcome outcome = cluster(2, "if (Task.index() == 1) throw new IllegalStateException(\"no luck\"); return 7;");
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        assertEquals("false", eval("run.succeeded()"));
        assertEquals("\"java.lang.IllegalStateException: no luck\"", eval("run.failures().get(0).failure().describe()"));
    }

    @Test
    @Order(7)
    void aMemberKilledDuringARunHasItsTaskRunAgainOnTheOther(@TempDir Path scratch) throws Exception {
        String marker = scratch.toString().replace("\\", "\\\\");
        Map<String, Long> members = NotebookCluster.startedMembers();
        String victim = members.keySet().iterator().next();
        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                Path started = scratch.resolve("started-" + victim.replace(':', '_'));
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
                while (!Files.exists(started) && System.nanoTime() < deadline) {
                    Thread.sleep(20); // the task on the victim says it started by creating a file
                }
                ProcessHandle.of(members.get(victim)).ifPresent(ProcessHandle::destroyForcibly);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String[] results = new String[1];
        String out = printed(() -> results[0] = results(4, "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker
                + "\", \"started-\" + Task.worker().replace(':', '_')), \"\"); Thread.sleep(1500); return Task.index() * 10;"));
        killer.join();
        assertEquals("[0, 10, 20, 30]", results[0], "no hole in the results");
        assertTrue(out.contains("member " + victim + " left during the run: task "), out);
        assertEquals("[" + members.keySet().stream().filter(address -> !address.equals(victim)).findFirst().orElseThrow() + "]",
                eval("run.tasks().stream().map(t -> t.worker()).distinct().toList()"), "the survivor ran every task");
    }

    @Test
    @Order(8)
    void aClusterOutOfReachIsOneClearLine() {
        long start = System.nanoTime();
        ExecuteOutcome outcome = line("join", "127.0.0.1:9", "--cluster", "lab-nobody");
        assertFalse(outcome.succeeded());
        String message = outcome.error().evalue();
        assertTrue(message.startsWith("cannot reach a member of cluster lab-nobody at 127.0.0.1:9 within 15 s"), message);
        assertFalse(message.contains("\n"), message);
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS));
        assertEquals("[1, 1]", results(2, "return 1;"), "a failed join leaves the notebook's cluster as it was");
        assertTrue(line("stop").succeeded());
        ExecuteOutcome run = cluster(2, "return 1;");
        assertFalse(run.succeeded());
        assertTrue(run.error().evalue().startsWith("no cluster to run on: start members here with %cluster start"),
                run.error().evalue());
    }

    @Test
    @Order(9)
    void anInterruptCancelsTheTasksAndLeavesNoMemberBusy(@TempDir Path scratch) throws Exception {
        assertTrue(line("start", "-n", "2").succeeded(), "a fresh pair of members");
        Map<String, Long> members = NotebookCluster.startedMembers();
        String marker = scratch.toString().replace("\\", "\\\\");
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
                while (fileCount(scratch) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20); // each task says it started by creating a file
                }
                notebook.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // a loop that never looks at its interrupt flag: only the stop checks woven on the member can end it
        ExecuteOutcome outcome = cluster(2, "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker
                + "\", \"started-\" + Task.index()), \"\"); long x = 1; while (x > 0) { x = x * 3 + 1; if (x < 0) x = 1; }"
                + " return x;");
        interrupter.join();
        assertFalse(outcome.succeeded());
        assertTrue(outcome.error().evalue().contains("interrupted; the cluster's tasks were cancelled"), outcome.error().evalue());
        for (Map.Entry<String, Long> member : members.entrySet()) {
            assertTrue(ProcessCpu.becomesQuiet(member.getValue(), PATIENCE_MILLIS), "member " + member.getKey() + " stays busy");
        }
        assertEquals("[1, 1]", results(2, "return 1;"), "the members run the next cell");
    }

    /** Waits, a bounded time, until the notebook's client sees {@code count} members. */
    private static boolean memberCountBecomes(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS * 2);
        while (NotebookCluster.memberCount() != count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return NotebookCluster.memberCount() == count;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long fileCount(Path folder) {
        try (var files = Files.list(folder)) {
            return files.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
