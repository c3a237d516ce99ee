package concurrencylab.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.results.TaskRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The worker pool admits only its own workers: strangers on the loopback port get nothing and can send
 * nothing that counts, oversized frames and malformed messages leave it serving, and results pass an
 * allow-list filter.
 */
class WorkerPoolSecurityTest {

    private static final TaskMethod INDEX = new TaskMethod("concurrencylab.harness.Workloads", "index");
    private static final List<String> WARNINGS = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            WARNINGS.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would lose the handler. */
    private static final List<Logger> LOGGERS = new ArrayList<>();
    private static WorkerPool pool;

    @BeforeAll
    static void startPool() throws Exception {
        for (String name : List.of(WorkerPool.class.getName(), WorkerAuthenticator.class.getName())) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(CAPTURE);
            LOGGERS.add(logger);
        }
        pool = WorkerPool.shared();
        assertEquals(List.of(0, 1), results(pool, 2, 2));
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    /** Runs {@code Workloads.index} tasks, bounded in time: a pool that hangs fails the test instead. */
    private static List<Object> results(WorkerPool pool, int workers, int tasks) throws Exception {
        List<TaskRecord> records = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.run(workers, tasks, INDEX, WorkerPoolSecurityTest.class.getClassLoader(), System.nanoTime());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        records.forEach(record -> assertNull(record.failure(), () -> record.failure().message()));
        return records.stream().map(TaskRecord::result).toList();
    }

    @Test
    void strangersCannotJoinReadTasksOrSendResults() throws Exception {
        try (ZContext context = new ZContext()) {
            // no CurveZMQ at all, named like the next worker, with a forged result and a forged death notice
            ZMQ.Socket plain = context.createSocket(SocketType.DEALER);
            plain.setIdentity("processes-3".getBytes(StandardCharsets.UTF_8));
            plain.connect(pool.endpoint());
            plain.send(Wire.writeMessage(new WorkerMessage.Ready("processes-3", ProcessHandle.current().pid())));
            ZMQ.Socket notice = context.createSocket(SocketType.DEALER);
            notice.setIdentity("!1".getBytes(StandardCharsets.UTF_8));
            notice.connect(pool.endpoint());
            notice.send("processes-1");
            // CurveZMQ with the pool's public key (say it leaked) but a key pair the pool never gave out
            ZMQ.Socket curve = context.createSocket(SocketType.DEALER);
            curve.setIdentity("processes-1".getBytes(StandardCharsets.UTF_8));
            ZMQ.Curve.KeyPair own = ZMQ.Curve.generateKeyPair();
            new WorkerKeys(pool.serverPublicKey(), own.publicKey, own.secretKey).apply(curve);
            curve.connect(pool.endpoint());
            curve.send(Wire.writeMessage(new WorkerMessage.TaskDone(0, 0, 0, 0, 0, Wire.write("forged"), null, 0, 0)));

            assertEquals(List.of(0, 1, 2, 3), results(pool, 2, 4), "the pool's own workers ran every task");
            for (ZMQ.Socket stranger : List.of(plain, notice, curve)) {
                stranger.setReceiveTimeOut(500);
                assertNull(stranger.recv(), "a stranger received a message from the pool");
            }
        }
        assertTrue(WARNINGS.stream().anyMatch(w -> w.contains("not one of its workers")), "the refusal is logged: " + WARNINGS);
    }

    @Test
    void oversizedFramesAndGarbageLeaveThePoolServing() throws Exception {
        for (String mechanism : List.of("NULL", "CURVE")) {
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port(pool.endpoint()))) {
                OutputStream out = raw.getOutputStream();
                out.write(greeting(mechanism));
                out.write(longFrameHeader(2L << 30)); // announces 2 GiB
                out.write(new byte[1 << 20]);
                out.flush();
                raw.setSoTimeout(5_000);
                drain(raw.getInputStream()); // the pool closes the connection
            } catch (IOException e) {
                // reset by the pool: dropped as it should be
            }
        }
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port(pool.endpoint()))) {
            raw.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(List.of(0, 1, 2), results(pool, 2, 3), "the pool still serves");
    }

    @Test
    void anAdmittedPeerMustSendExactlyTwoFramesAsTheWorkerItsKeyWasMadeFor() throws Exception {
        WorkerKeys keys = WorkerKeys.forServer(pool.serverPublicKey());
        pool.admit("processes-impostor", keys);
        try (ZContext context = new ZContext()) {
            ZMQ.Socket peer = context.createSocket(SocketType.DEALER);
            // routes under a name its key was not made for (a live worker's name would be refused outright:
            // a ROUTER turns away a second peer with an identity already connected)
            peer.setIdentity("processes-99".getBytes(StandardCharsets.UTF_8));
            keys.apply(peer);
            peer.connect(pool.endpoint());
            byte[] forged = Wire.writeMessage(new WorkerMessage.TaskDone(0, 0, 0, 0, 0, Wire.write("forged"), null, 0, 0));
            peer.sendMore(forged);
            peer.sendMore(forged);
            peer.send(forged);
            peer.send(forged);
            // the peer's handshake takes its time; what it sent arrives during one of these runs
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                assertEquals(List.of(0, 1, 2, 3), results(pool, 2, 4));
            } while (System.nanoTime() < deadline
                    && !(WARNINGS.toString().contains("4 frames") && WARNINGS.toString().contains("not that worker's")));
        }
        assertTrue(WARNINGS.stream().anyMatch(w -> w.contains("a message of 4 frames")), WARNINGS.toString());
        assertTrue(WARNINGS.stream().anyMatch(w -> w.contains("whose key is not that worker's")), WARNINGS.toString());
    }

    /**
     * A process's command line as other users of the machine can read it. {@link ProcessHandle.Info} gives no
     * arguments for one over 4 KiB (a long class path), so Linux's /proc is read where there is one.
     */
    private static String[] commandLine(long pid) throws IOException {
        java.nio.file.Path cmdline = java.nio.file.Path.of("/proc", String.valueOf(pid), "cmdline");
        if (java.nio.file.Files.isReadable(cmdline)) {
            return new String(java.nio.file.Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
        }
        return ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow();
    }

    @Test
    void workersGetTheirKeysOnStdinNotTheirCommandLine() throws Exception {
        results(pool, 1, 1);
        for (long pid : pool.pids()) {
            String[] arguments = commandLine(pid);
            assertEquals(pool.endpoint(), arguments[arguments.length - 2]);
            assertTrue(arguments[arguments.length - 1].startsWith("processes-"));
            for (String argument : arguments) {
                assertFalse(argument.contains(pool.serverPublicKey()), "a key on the command line: " + argument);
            }
        }
        WorkerKeys keys = WorkerKeys.forServer(pool.serverPublicKey());
        assertFalse(keys.toString().contains(keys.clientSecret()));
        assertThrows(IOException.class, () -> WorkerKeys.readFrom(new ByteArrayInputStream("no keys\n".getBytes(StandardCharsets.US_ASCII))));
    }

    record Point(int x, int y) implements Serializable {
    }

    @Test
    void resultsAreTheNotebooksClassesAndJdkValuesOnly() throws Exception {
        ClassLoader notebook = new NotebookLoader(getClass().getClassLoader(), Point.class.getName());
        Class<?> point = notebook.loadClass(Point.class.getName());
        java.lang.reflect.Constructor<?> constructor = point.getDeclaredConstructor(int.class, int.class);
        constructor.setAccessible(true);
        Object value = constructor.newInstance(3, 4);
        Object back = Wire.readResult(Wire.write(value), notebook);
        assertEquals(point, back.getClass());
        assertEquals(value, back);
        Map<String, List<Integer>> map = new HashMap<>(Map.of("a", List.of(1, 2)));
        assertEquals(map, Wire.readResult(Wire.write(map), notebook));
        assertEquals(java.time.Duration.ofSeconds(5), Wire.readResult(Wire.write(java.time.Duration.ofSeconds(5)), notebook));
        assertEquals(java.math.BigInteger.TEN, Wire.readResult(Wire.write(java.math.BigInteger.TEN), notebook));

        // a class of a library on the runtime's class path, a lambda, a class of another JDK module
        assertThrows(InvalidClassException.class, () -> Wire.readResult(Wire.write(new org.zeromq.ZMQException("x", 1)), notebook));
        Comparator<String> lambda = (Comparator<String> & Serializable) (a, b) -> 0;
        assertThrows(InvalidClassException.class, () -> Wire.readResult(Wire.write(lambda), notebook));
        assertThrows(InvalidClassException.class, () -> Wire.readResult(
                Wire.write(new javax.management.BadAttributeValueExpException("x")), notebook));
        // messages carry their records only
        assertThrows(IllegalStateException.class, () -> Wire.readMessage(Wire.write(map)));
    }

    /** Stands for JShell's loader: defines one class itself, from the test's bytes, and delegates the rest. */
    private static final class NotebookLoader extends ClassLoader {
        private final String own;

        NotebookLoader(ClassLoader parent, String own) {
            super("notebook", parent);
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(own)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream bytes = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] code = bytes.readAllBytes();
                    return defineClass(name, code, 0, code.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    /** A ZMTP 3.0 greeting: signature, version, mechanism, as-server flag, filler. */
    private static byte[] greeting(String mechanism) {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xff;
        greeting[9] = 0x7f;
        greeting[10] = 3;
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, greeting, 12, name.length);
        return greeting;
    }

    private static byte[] longFrameHeader(long size) {
        return ByteBuffer.allocate(9).put((byte) 0x02).putLong(size).array();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // until the pool closes the connection
        }
    }
}
