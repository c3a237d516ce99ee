package concurrencylab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.launch.jvm.JvmCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Worker JVMs never outlive the runtime, even one that is killed without running its shutdown hooks. */
class WorkerLifetimeTest {

    @Test
    void workersExitWhenTheirRuntimeIsKilled() throws Exception {
        Process owner = new ProcessBuilder(JvmCommand.likeThisJvm().main(PoolOwner.class))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> pids;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            while (line != null && !line.startsWith("pids ")) {
                line = lines.readLine();
            }
            assertTrue(line != null, "the pool owner printed no worker pids");
            pids = Arrays.stream(line.substring("pids [".length(), line.length() - 1).split(", "))
                    .map(Long::valueOf).toList();
        } finally {
            owner.destroyForcibly();
        }
        assertEquals(2, pids.size());
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(worker ->
                    assertTrue(worker.onExit().orTimeout(10, TimeUnit.SECONDS).handle((done, timeout) -> timeout == null).join(),
                            "worker " + pid + " outlived its killed runtime"));
        }
    }
}
