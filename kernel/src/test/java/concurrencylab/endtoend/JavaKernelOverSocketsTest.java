package concurrencylab.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import concurrencylab.interpreter.JShellInterpreter;
import concurrencylab.launch.KernelLauncher;
import concurrencylab.protocol.Header;
import concurrencylab.protocol.Message;
import concurrencylab.testing.KernelClient;
import concurrencylab.transport.ConnectionInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The real kernel: JeroMQ sockets, protocol core, JShell and a runtime JVM, driven like a front end would. */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JavaKernelOverSocketsTest {

    @TempDir
    static Path dir;
    static KernelClient client;
    static CompletableFuture<Integer> exit;

    @BeforeAll
    static void startKernel() throws Exception {
        Path connectionFile = KernelClient.writeConnectionFile(dir);
        exit = CompletableFuture.supplyAsync(() -> KernelLauncher.run(connectionFile, JShellInterpreter::new, concurrencylab.kernel.History.inMemory()));
        client = new KernelClient(ConnectionInfo.load(connectionFile));
        client.awaitReady(Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static String text(Message m) {
        return m.content().getAsJsonObject("data").get("text/plain").getAsString();
    }

    @Test
    @Order(1)
    void evaluatesTheLastExpression() throws Exception {
        KernelClient.Exchange cell = client.execute("int x = 20;\nx * 2 + 2");
        assertEquals("ok", cell.reply().content().get("status").getAsString(), cell.reply().content().toString());
        assertEquals("42", text(cell.ofType("execute_result").get(0)));
    }

    @Test
    @Order(1)
    void anImageCarriesItsDisplaySizeInDisplayDataAndExecuteResultMetadata() throws Exception {
        KernelClient.Exchange cell = client.execute("""
                var picture = new java.awt.image.BufferedImage(40, 25, java.awt.image.BufferedImage.TYPE_INT_RGB);
                display(picture);
                picture
                """);
        assertEquals("ok", cell.reply().content().get("status").getAsString(), cell.reply().content().toString());
        for (Message shown : List.of(cell.ofType("display_data").get(0), cell.ofType("execute_result").get(0))) {
            JsonObject size = shown.content().getAsJsonObject("metadata").getAsJsonObject("image/png");
            assertEquals(40, size.get("width").getAsInt(), shown.type());
            assertEquals(25, size.get("height").getAsInt(), shown.type());
            byte[] png = java.util.Base64.getDecoder().decode(shown.content().getAsJsonObject("data").get("image/png").getAsString());
            assertEquals(80, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth(), shown.type());
        }
    }

    @Test
    @Order(2)
    void threadOutputThatOutlivesTheCellReachesThatCell() throws Exception {
        KernelClient.Exchange cell = client.execute("""
                new Thread(() -> {
                    try { Thread.sleep(300); } catch (InterruptedException e) { }
                    System.out.println("late line");
                }).start();
                """);
        assertEquals("ok", cell.reply().content().get("status").getAsString());
        String cellId = cell.reply().parentHeader().get("msg_id").getAsString();
        // The late line arrives on iopub after the reply, still under this cell's header.
        Message late = client.awaitIopub(m -> m.type().equals("stream") && KernelClient.parentOf(m).equals(cellId), Duration.ofSeconds(30));
        assertTrue(late != null, "the late line never arrived");
        assertEquals("late line\n", late.content().get("text").getAsString());
    }

    @Test
    @Order(3)
    void interruptOverControlStopsATightLoop() throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("code", "while (true) { }");
        content.addProperty("allow_stdin", false);
        Header running = client.sendShell("execute_request", content);
        Thread.sleep(500);
        client.control("interrupt_request", "{}");
        KernelClient.Exchange stopped = client.collect(client.shellSocket(), running.msgId(), Duration.ofSeconds(30));
        assertEquals("error", stopped.reply().content().get("status").getAsString());
        // Stopped by tier 1 (how fast is a figure for bench/kernel), so the runtime and its variables live on.
        assertEquals("Interrupted", stopped.reply().content().get("ename").getAsString());
        assertTrue(!stopped.reply().content().get("evalue").getAsString().contains("was killed"), stopped.reply().content().toString());
        assertEquals("ok", client.execute("x").reply().content().get("status").getAsString(), "declarations survive an interrupt");
    }

    @Test
    @Order(4)
    void shutdownEndsTheRuntimeToo() throws Exception {
        long pid = Long.parseLong(client.execute("ProcessHandle.current().pid()").ofType("execute_result").get(0)
                .content().getAsJsonObject("data").get("text/plain").getAsString());
        ProcessHandle runtime = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = java.util.stream.Stream.concat(java.util.stream.Stream.of(runtime), runtime.descendants()).toList();
        assertTrue(pid != ProcessHandle.current().pid(), "a runtime JVM of its own runs the cells");
        client.control("shutdown_request", "{\"restart\": false}");
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), "the kernel exits after shutdown_request");
        for (ProcessHandle child : children) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(!child.isAlive(), "process " + child.pid() + " left behind");
        }
    }
}
