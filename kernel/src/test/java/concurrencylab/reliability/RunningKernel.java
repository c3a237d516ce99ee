package concurrencylab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import concurrencylab.interpreter.JShellInterpreter;
import concurrencylab.launch.KernelLauncher;
import concurrencylab.protocol.Header;
import concurrencylab.protocol.ProtocolException;
import concurrencylab.testing.KernelClient;
import concurrencylab.transport.ConnectionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real kernel (sockets, core, JShell, runtime JVM) in this JVM, with a client and the measurements
 * the reliability rows report: time to recover, cores left busy, memory of the runtime.
 */
final class RunningKernel implements AutoCloseable {

    final KernelClient client;
    private final CompletableFuture<Integer> exit;
    private final Path dir;

    /** Processes other tests in this JVM started (their runtimes): not this kernel's, so not measured or killed. */
    private final java.util.Set<Long> foreign = ProcessHandle.current().descendants()
            .map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());

    RunningKernel() throws IOException, ProtocolException, InterruptedException {
        dir = Files.createTempDirectory("concurrency-lab-reliability");
        Path connectionFile = KernelClient.writeConnectionFile(dir);
        exit = CompletableFuture.supplyAsync(() -> KernelLauncher.run(connectionFile,
                () -> new JShellInterpreter(List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC")), concurrencylab.kernel.History.inMemory()));
        try {
            client = new KernelClient(ConnectionInfo.load(connectionFile));
        } catch (concurrencylab.transport.InvalidConnectionFileException e) {
            throw new IOException(e);
        }
        client.awaitReady(Duration.ofSeconds(30));
    }

    /** Runs a cell and returns the reply status ({@code ok} or {@code error}) with everything it printed. */
    KernelClient.Exchange run(String code) throws ProtocolException {
        return client.execute(code);
    }

    /** Runs a cell, checks it succeeded, returns its plain result (or empty). */
    String ok(String code) throws ProtocolException {
        KernelClient.Exchange cell = client.execute(code);
        assertEquals("ok", cell.reply().content().get("status").getAsString(), () -> code + " -> " + cell.reply().content());
        return cell.ofType("execute_result").stream()
                .map(m -> m.content().getAsJsonObject("data").get("text/plain").getAsString())
                .findFirst().orElse("");
    }

    /** Starts a cell without waiting. */
    Header start(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", false);
        return client.sendShell("execute_request", content);
    }

    KernelClient.Exchange await(Header request, Duration timeout) throws ProtocolException {
        return client.collect(client.shellSocket(), request.msgId(), timeout);
    }

    /** Sends interrupt_request; returns how long until the running cell's reply arrived. */
    Timed interruptAndAwait(Header running) throws ProtocolException {
        long start = System.nanoTime();
        client.control("interrupt_request", "{}");
        // Generous: a cell killed by tier 2 answers after a whole runtime restart, slow on a loaded machine.
        KernelClient.Exchange stopped = await(running, Duration.ofSeconds(90));
        return new Timed(stopped, (System.nanoTime() - start) / 1_000_000);
    }

    record Timed(KernelClient.Exchange exchange, long millis) {
    }

    /**
     * Waits until the runtime JVM(s) keep fewer than {@code threshold} cores busy over one second, for
     * at most {@code bound}; returns the last second's figure. A thread left spinning never lets it
     * drop; a passing burst (a restart, the JIT, a collection) does, however loaded the machine is.
     */
    double awaitQuiet(double threshold, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        double busy = busyCores();
        while (busy >= threshold && System.nanoTime() < deadline) {
            busy = busyCores();
        }
        return busy;
    }

    /** Cores the runtime JVM(s) kept busy over the next second (1.0 = one core flat out). */
    double busyCores() throws InterruptedException {
        long before = childCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(1000);
        return (double) (childCpuNanos() - before) / (System.nanoTime() - t0);
    }

    private long childCpuNanos() {
        return ProcessHandle.current().descendants()
                .filter(p -> !foreign.contains(p.pid()))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** Resident memory of the runtime JVM(s), in MiB, read from /proc. */
    static long runtimeRssMib() {
        return ProcessHandle.current().descendants().mapToLong(RunningKernel::rssKib).sum() / 1024;
    }

    private static long rssKib(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    /** Waits until a process has gone ({@code onExit} of a handle to another's child may never complete). */
    static void awaitExit(ProcessHandle process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (process.isAlive()) {
            throw new AssertionError("process " + process.pid() + " still alive");
        }
    }

    /** The runtime JVM of this kernel, as the runtime itself tells (other tests may run theirs). */
    ProcessHandle runtime() throws ProtocolException {
        long pid = Long.parseLong(ok("ProcessHandle.current().pid()"));
        return ProcessHandle.of(pid).orElseThrow();
    }

    @Override
    public void close() throws Exception {
        ProcessHandle runtime = runtime();
        List<ProcessHandle> children = java.util.stream.Stream.concat(java.util.stream.Stream.of(runtime), runtime.descendants()).toList();
        client.control("shutdown_request", "{\"restart\": false}");
        exit.get(10, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            awaitExit(child);
        }
        client.close();
    }
}
