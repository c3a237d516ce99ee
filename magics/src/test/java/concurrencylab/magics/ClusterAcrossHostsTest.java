package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.cluster.MemberCommand;
import concurrencylab.harness.cluster.NotebookCluster;
import concurrencylab.spi.ExecuteOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members as a lecturer starts them on other machines ({@code member}, each bound to its own address), here each
 * on a host of its own ({@link TestHosts}: a network namespace as root, else another loopback address), and a
 * notebook that joins them with {@code %cluster join}: binding, the random cluster name, results, notebook
 * state, an interrupt and a lost member, all across the hosts' network, and a member behind a link with a delay.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterAcrossHostsTest {

    private static final long PATIENCE_MILLIS = 60_000;
    /** The delay each way on the link of the member {@link DelayingRelay} puts behind one. */
    private static final long LINK_DELAY_MILLIS = 50;
    private static final Pattern UP = Pattern.compile("member (\\S+) of cluster (lab-[0-9a-f]{16}) is up, (\\d+) member");
    private static TestHosts hosts;
    private static NotebookShell notebook;
    private static final List<Process> members = new ArrayList<>();
    private static int port;
    private static String clusterName;

    @BeforeAll
    static void startMembersOnTwoHosts() throws Exception {
        hosts = TestHosts.create(2);
        System.out.println(hosts.describe());
        port = freePort();
        Matcher first = start(0, "--interface", hosts.address(0), "--port", String.valueOf(port));
        clusterName = first.group(2);
        Matcher second = start(1, "--interface", hosts.address(1), "--port", String.valueOf(port), "--cluster", clusterName,
                "--join", hosts.address(0) + ":" + port);
        assertEquals("2", second.group(3), "the second member joined the first across the hosts' network");
        notebook = new NotebookShell();
    }

    @AfterAll
    static void stop() {
        NotebookCluster.stop();
        if (notebook != null) {
            notebook.close();
        }
        members.forEach(Process::destroyForcibly);
        members.forEach(member -> member.onExit().join());
        hosts.close();
    }

    /** Starts {@code member OPTIONS} on {@code host} and waits for the line that says it is up. */
    private static Matcher start(int host, String... options) throws Exception {
        List<String> command = new ArrayList<>(MemberCommand.javaCommand(options));
        command.add("--exit-with-parent");
        Process member = new ProcessBuilder(hosts.on(host, command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        members.add(member);
        CompletableFuture<Matcher> up = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("host " + host + ": " + line);
                    Matcher matcher = UP.matcher(line);
                    if (matcher.find()) {
                        up.complete(matcher);
                    }
                }
                up.completeExceptionally(new AssertionError("member on host " + host + " ended before it was up"));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        });
        return up.get(PATIENCE_MILLIS * 2, TimeUnit.MILLISECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    @Order(1)
    void eachMemberListensOnItsOwnAddressOnlyAndTheNameIsRandom() throws Exception {
        assertTrue(clusterName.matches("lab-[0-9a-f]{16}"), clusterName);
        for (int host = 0; host < 2; host++) {
            assertTrue(hosts.connects(host, hosts.address(host), port), "member " + host + " listens on its address");
            assertFalse(hosts.connects(host, "127.0.0.1", port), "member " + host + " listens on loopback too");
        }
    }

    @Test
    @Order(2)
    void aWrongClusterNameIsOneClearLineAndTheRightOneJoins() {
        ExecuteOutcome wrong = notebook.line("join", hosts.address(0) + ":" + port, "--cluster", "lab-0000000000000000");
        assertFalse(wrong.succeeded());
        assertTrue(wrong.error().evalue().startsWith("cannot reach a member of cluster lab-0000000000000000 at "
                + hosts.address(0) + ":" + port), wrong.error().evalue());
        assertFalse(wrong.error().evalue().contains("\n"));
        ExecuteOutcome joined = notebook.line("join", hosts.address(0) + ":" + port, "--cluster", clusterName);
        assertTrue(joined.succeeded(), () -> String.valueOf(joined.error()));
        String listing = NotebookShell.printed(() -> assertTrue(notebook.line().succeeded()));
        assertTrue(listing.contains(hosts.address(0) + ":" + port) && listing.contains(hosts.address(1) + ":" + port), listing);
    }

    @Test
    @Order(3)
    void resultsEqualSerialsAndTheNotebooksStateAndClassesCrossTheNetwork() {
        notebook.eval("record Share(int index, long value) implements java.io.Serializable {}");
        notebook.eval("long[] weights = {5, 7, 11, 13};");
        String body = "return new Share(Task.index(), weights[Task.index()] * (Task.index() + 1));";
        assertEquals(notebook.serialResults(4, body), notebook.clusterResults(4, body));
        assertEquals("[Share[index=0, value=5], Share[index=1, value=14], Share[index=2, value=33], Share[index=3, value=52]]",
                notebook.eval("run.results()"));
        assertEquals("2", notebook.eval("run.tasks().stream().map(t -> t.worker()).distinct().count()"), "both hosts ran tasks");
        assertTrue(notebook.eval("run.state().variables()").contains("weights"));
    }

    @Test
    @Order(4)
    void anInterruptLeavesNeitherHostBusy(@TempDir Path scratch) throws Exception {
        String marker = scratch.toString().replace("\\", "\\\\");
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
                while (count(scratch) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20); // each task says it started by creating a file
                }
                notebook.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecuteOutcome outcome = notebook.cell(new ClusterMagic(), "java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker + "\", \"started-\" + Task.index()), \"\"); long x = 1; while (x > 0) { x = x * 3 + 1; if (x < 0) x = 1; }"
                + " return x;", "-t", "2", "-o", "run");
        interrupter.join();
        assertFalse(outcome.succeeded());
        for (Process member : members) {
            assertTrue(ProcessCpu.becomesQuiet(member.pid(), PATIENCE_MILLIS), "member " + member.pid() + " stays busy");
        }
    }

    @Test
    @Order(5)
    void aNotebookThatLeavesDuringARunLeavesNeitherHostBusy(@TempDir Path scratch) throws Exception {
        String marker = scratch.toString().replace("\\", "\\\\");
        Thread leaver = Thread.ofPlatform().start(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
                while (count(scratch) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20); // each task says it started by creating a file
                }
                NotebookCluster.stop(); // as when the notebook's runtime dies: its client disconnects
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecuteOutcome outcome = notebook.cell(new ClusterMagic(), "java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker + "\", \"started-\" + Task.index()), \"\"); long x = 1; while (x > 0) { x = x * 3 + 1; if (x < 0) x = 1; }"
                + " return x;", "-t", "2", "-o", "run");
        leaver.join();
        assertFalse(outcome.succeeded());
        assertTrue(outcome.error().evalue().contains("the notebook left the cluster during the run"), outcome.error().evalue());
        for (Process member : members) {
            assertTrue(ProcessCpu.becomesQuiet(member.pid(), PATIENCE_MILLIS), "member " + member.pid() + " stays busy");
        }
    }

    @Test
    @Order(6)
    void aMemberLostOnOneHostHasItsTaskRecoveredOnTheOther(@TempDir Path scratch) throws Exception {
        ExecuteOutcome joined = notebook.line("join", hosts.address(0) + ":" + port, "--cluster", clusterName);
        assertTrue(joined.succeeded(), () -> String.valueOf(joined.error()));
        String marker = scratch.toString().replace("\\", "\\\\");
        String victim = hosts.address(1) + ":" + port;
        long[] killedAt = new long[1];
        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                Path started = scratch.resolve("started-" + victim.replace(':', '_'));
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
                while (!Files.exists(started) && System.nanoTime() < deadline) {
                    Thread.sleep(20); // the task on the victim says it started by creating a file
                }
                killedAt[0] = System.nanoTime();
                members.get(1).destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String[] results = new String[1];
        String out = NotebookShell.printed(() -> results[0] = notebook.clusterResults(4, "java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"" + marker + "\", \"started-\" + Task.worker().replace(':', '_')), \"\");"
                + " Thread.sleep(1000); return Task.index();"));
        long recovered = System.nanoTime();
        killer.join();
        assertEquals("[0, 1, 2, 3]", results[0]);
        assertTrue(out.contains("member " + victim + " left during the run: task "), out);
        System.out.printf("member lost: %d ms from the kill to the end of the recovered run (tasks of 1 s)%n",
                TimeUnit.NANOSECONDS.toMillis(recovered - killedAt[0]));
    }

    @Test
    @Order(7)
    void aMemberBehindADelayedLinkGivesSerialsResultsAndItsRoundTripsShowTheDelay() throws Exception {
        int memberPort = freePort();
        try (DelayingRelay relay = new DelayingRelay(hosts.outside(),
                new java.net.InetSocketAddress(hosts.address(1), memberPort), LINK_DELAY_MILLIS)) {
            // the member advertises the relay: the notebook (and a member that connects to it) reach it only through it
            start(1, "--interface", hosts.address(1), "--port", String.valueOf(memberPort), "--public-address", relay.address(),
                    "--cluster", clusterName, "--join", hosts.address(0) + ":" + port);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
            while (NotebookCluster.memberCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50); // the notebook's client learns of the new member
            }
            assertEquals(2, NotebookCluster.memberCount());
            // each task works 20 ms: the member on the fast link runs most, the delayed one still several
            String body = "Thread.sleep(20); return Task.index() * Task.index();";
            assertEquals(notebook.serialResults(30, body), notebook.clusterResults(30, body));
            List<long[]> delayed = spans(relay.address()), direct = spans(hosts.address(0) + ":" + port);
            assertTrue(delayed.size() >= 2, "the delayed member ran " + delayed.size() + " task(s); " + direct.size() + " ran on the other");
            long delayedGap = minGapMicros(delayed), directGap = minGapMicros(direct);
            System.out.printf("delayed link (%d ms each way): %d tasks there, the shortest gap between two of them %.1f ms;"
                    + " direct link: %d tasks, shortest gap %.1f ms%n", LINK_DELAY_MILLIS, delayed.size(), delayedGap / 1000.0,
                    direct.size(), directGap / 1000.0);
            // between two tasks on a member the result travels to the notebook and the next task back: two delays
            assertTrue(delayedGap >= TimeUnit.MILLISECONDS.toMicros(2 * LINK_DELAY_MILLIS),
                    "gap " + delayedGap + " µs on the delayed member");
        }
    }

    /** Start and end (ns from the run's start) of the tasks {@code member} ran, in order: the hosts share one clock. */
    private static List<long[]> spans(String member) {
        String listed = notebook.eval("run.tasks().stream().filter(t -> t.worker().equals(\"" + member + "\"))"
                + ".map(t -> t.startNanos() + \":\" + t.endNanos()).toList()");
        List<long[]> spans = new ArrayList<>();
        for (String span : listed.replaceAll("[\\[\\]\" ]", "").split(",")) {
            if (!span.isEmpty()) {
                spans.add(new long[] {Long.parseLong(span.split(":")[0]), Long.parseLong(span.split(":")[1])});
            }
        }
        spans.sort(java.util.Comparator.comparingLong(span -> span[0]));
        return spans;
    }

    private static long minGapMicros(List<long[]> spans) {
        long min = Long.MAX_VALUE;
        for (int i = 1; i < spans.size(); i++) {
            min = Math.min(min, spans.get(i)[0] - spans.get(i - 1)[1]);
        }
        return min == Long.MAX_VALUE ? -1 : TimeUnit.NANOSECONDS.toMicros(min);
    }

    private static long count(Path folder) {
        try (var files = Files.list(folder)) {
            return files.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
