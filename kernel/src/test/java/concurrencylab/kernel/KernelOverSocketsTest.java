package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.launch.KernelLauncher;
import concurrencylab.testing.KernelClient;
import concurrencylab.transport.ConnectionInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole kernel process path (connection file, JeroMQ sockets, core) with the scripted interpreter. */
class KernelOverSocketsTest {

    @TempDir
    Path dir;

    @Test
    void servesAndShutsDownPromptly() throws Exception {
        Path connectionFile = KernelClient.writeConnectionFile(dir);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> KernelLauncher.run(connectionFile, ScriptedInterpreter::new, History.inMemory()));
        try (KernelClient client = new KernelClient(ConnectionInfo.load(connectionFile))) {
            assertEquals("concurrency-lab", client.awaitReady(Duration.ofSeconds(30)).content().get("implementation").getAsString());
            KernelClient.Exchange cell = client.execute("print over the wire");
            assertEquals("over the wire\n", cell.stdout());
            assertEquals("ok", cell.reply().content().get("status").getAsString());

            client.control("shutdown_request", "{\"restart\": false}");
            assertEquals(0, exit.get(30, TimeUnit.SECONDS), "the kernel exits after shutdown_request");
        }
    }

    @Test
    void refusesABadConnectionFileWithExitStatusTwo() {
        assertEquals(KernelLauncher.BAD_INPUT, KernelLauncher.run(dir.resolve("nope.json"), ScriptedInterpreter::new));
    }
}
