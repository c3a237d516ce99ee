package concurrencylab.harness.process;

import concurrencylab.harness.task.CpuClock;
import concurrencylab.harness.task.TaskContext;
import java.io.NotSerializableException;
import concurrencylab.agent.wire.SnippetNames;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A worker JVM of {@code %%processes}: connects to the runtime's pool, defines the snippet classes it is
 * sent, and runs one task at a time on its main thread. Exits when told to, or when the runtime dies.
 * Arguments: the pool's endpoint and this worker's name; its CurveZMQ keys come on stdin ({@link WorkerKeys}).
 */
public final class WorkerMain {

    private final String name;
    private final Map<String, ClassLoader> loaders = new HashMap<>();
    private ClassLoader snippets = WorkerMain.class.getClassLoader();
    /** Task methods already looked up, by loader digest, class and name: a task costs no reflection lookup. */
    private final Map<String, Method> methods = new HashMap<>();
    /**
     * The serialized notebook values this worker got, by key, to copy again in later runs: the same bytes make
     * the same value in the snippet classes of any later cell (each cell's task brings a new set of classes).
     */
    private final Map<String, byte[]> keptState = new HashMap<>();
    /**
     * Notebook state sent since the last task: when this worker was free to take it (done with the message
     * before, such as the notebook's classes), when it was installed (0: none came), and why it failed if it did.
     */
    private long stateFromEpochNanos;
    private long stateInstalledEpochNanos;
    private WorkerMessage.Failure stateFailure;

    private WorkerMain(String name) {
        this.name = name;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: WorkerMain ENDPOINT NAME");
            System.exit(2);
        }
        exitWithParent();
        WorkerKeys keys;
        try {
            keys = WorkerKeys.readFrom(System.in);
        } catch (java.io.IOException e) {
            System.err.println("worker " + args[1] + ": " + e.getMessage() + "; workers are started by the notebook's pool");
            System.exit(2);
            return;
        }
        new WorkerMain(args[1]).serve(args[0], keys);
    }

    /** A worker must not outlive the runtime that started it, however the runtime ended. */
    private static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
    }

    private void serve(String endpoint, WorkerKeys keys) {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
            socket.setIdentity(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.setLinger(1000);
            socket.setMaxMsgSize(Wire.MAX_MESSAGE_BYTES);
            keys.apply(socket);
            socket.connect(endpoint);
            socket.send(Wire.writeMessage(new WorkerMessage.Ready(name, ProcessHandle.current().pid())));
            while (true) {
                long freeSince = epochNanos(); // what comes now waited for nothing of ours before this
                byte[] frame = socket.recv();
                if (socket.hasReceiveMore()) {
                    while (socket.hasReceiveMore()) {
                        socket.recv();
                    }
                    continue; // the pool sends one frame per message
                }
                WorkerMessage message = Wire.readMessage(frame);
                switch (message) {
                    case WorkerMessage.LoadClasses load -> snippets = loaders.computeIfAbsent(load.digest(),
                            digest -> new SnippetClassLoader(load.classes(), WorkerMain.class.getClassLoader()));
                    case WorkerMessage.InstallState state -> {
                        stateFromEpochNanos = freeSince;
                        install(state);
                    }
                    case WorkerMessage.RunTask task -> socket.send(Wire.writeMessage(run(task)));
                    case WorkerMessage.Shutdown shutdown -> {
                        return;
                    }
                    default -> throw new IllegalStateException("unexpected message " + message);
                }
            }
        }
    }

    private WorkerMessage.TaskDone run(WorkerMessage.RunTask task) {
        Instant start = Instant.now();
        long processCpuBefore = CpuClock.process();
        long cpuBefore = CpuClock.thread();
        long startNanos = System.nanoTime();
        Object result = null;
        WorkerMessage.Failure failure = stateFailure;
        long installedEpoch = stateInstalledEpochNanos;
        long fromEpoch = stateFromEpochNanos;
        stateFailure = null;
        stateInstalledEpochNanos = 0;
        if (failure == null) {
            try {
                Method method = method(task);
                result = new TaskContext(task.index(), task.count(), name).runWith(() -> invoke(method));
            } catch (Throwable error) {
                failure = WorkerMessage.Failure.of(error);
            }
        }
        long wall = System.nanoTime() - startNanos;
        long cpu = CpuClock.thread() - cpuBefore;
        byte[] bytes = null;
        if (failure == null) {
            try {
                bytes = Wire.write(result);
                if (bytes.length > Wire.MAX_RESULT_BYTES) {
                    failure = new WorkerMessage.Failure("ResultTooLarge", "task " + task.index() + "'s result takes "
                            + (bytes.length >> 20) + " MiB serialized, more than the " + (Wire.MAX_RESULT_BYTES >> 20)
                            + " MiB a worker process may send back. Return less: a summary, or a part per task.", "");
                    bytes = null;
                }
            } catch (NotSerializableException e) {
                failure = new WorkerMessage.Failure(NotSerializableException.class.getName(), "task " + task.index()
                        + " returned a " + SnippetNames.clean(result.getClass().getName()) + ", which cannot cross to the notebook:"
                        + " " + e.getMessage() + " is not Serializable. Return a String, a number, a List, or a"
                        + " record that implements java.io.Serializable.", "");
            } catch (Exception e) {
                failure = WorkerMessage.Failure.of(e);
            }
        }
        long epochStart = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        return new WorkerMessage.TaskDone(task.index(), epochStart, wall, cpu, CpuClock.process() - processCpuBefore,
                bytes, failure, fromEpoch, installedEpoch);
    }

    /**
     * Sets the notebook variables in this worker's copy of the snippet classes, each a fresh copy of the
     * notebook's value at the start of the run, as a fork would find them: what a task changes stays in this
     * worker, for its later tasks of the same run. Values that did not change since an earlier run come again
     * from the bytes kept here, not over the wire. A value that cannot be installed fails the next task.
     */
    private void install(WorkerMessage.InstallState state) {
        ClassLoader loader = loaders.getOrDefault(state.classesDigest(), snippets);
        // the pool remembers what this run named, and so does the worker: values no longer read are let go
        keptState.keySet().retainAll(java.util.Set.of(state.unchanged()));
        keptState.putAll(state.changed());
        for (String key : state.unchanged()) {
            install(key, keptState.get(key), loader);
        }
        state.changed().forEach((key, value) -> install(key, value, loader));
        stateInstalledEpochNanos = epochNanos();
    }

    private void install(String key, byte[] value, ClassLoader loader) {
        int hash = key.indexOf('#');
        try {
            if (value == null) {
                throw new IllegalStateException("its value was never sent to this worker");
            }
            Field field = Class.forName(key.substring(0, hash), true, loader).getDeclaredField(key.substring(hash + 1));
            field.setAccessible(true);
            field.set(null, Wire.read(value, loader, SerialFilters.results(loader)));
        } catch (Exception | LinkageError e) {
            String owner = SnippetNames.clean(key.substring(0, hash)).replace('$', '.');
            String variable = owner.isEmpty() ? key.substring(hash + 1) : owner + "." + key.substring(hash + 1);
            stateFailure = new WorkerMessage.Failure(e.getClass().getName(), "the notebook variable " + variable
                    + " could not be installed in worker " + name + ": " + SnippetNames.clean(String.valueOf(e.getMessage())), "");
        }
    }

    private Method method(WorkerMessage.RunTask task) throws ReflectiveOperationException {
        String key = task.classesDigest() + ' ' + task.className() + '#' + task.methodName();
        Method method = methods.get(key);
        if (method == null) {
            method = Class.forName(task.className(), true, snippets).getDeclaredMethod(task.methodName());
            method.setAccessible(true);
            methods.put(key, method);
        }
        return method;
    }

    private static Object invoke(Method method) throws Exception {
        try {
            return method.invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
