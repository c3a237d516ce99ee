package concurrencylab.harness.process;

import concurrencylab.agent.ExtraClassPath;
import concurrencylab.harness.state.NotebookState;
import concurrencylab.results.TaskFailure;
import concurrencylab.results.TaskRecord;
import concurrencylab.transport.PeerWatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A warm pool of worker JVMs behind one ROUTER socket. Grown on demand, reused across runs (JIT-warm),
 * shut down by a JVM shutdown hook; workers also exit by themselves when this JVM dies. One run at a time.
 * A worker that dies (killed, {@code System.exit}, crash) fails the task it was running, is dropped, and is
 * replaced so the other tasks still finish.
 *
 * <p>Only the pool's own workers get in: the socket speaks CurveZMQ with a key pair made for this pool,
 * each worker gets a key pair of its own on its stdin, and {@link WorkerAuthenticator} admits only those
 * keys, so no other user of the machine can join, read the classes and tasks, or send results. Every
 * message is bounded ({@link Wire#MAX_MESSAGE_BYTES}), must have exactly its two frames, must come from the
 * worker its key was made for, and passes an allow-list filter; anything else is dropped and logged, as
 * are peers that fail the handshake ({@link PeerWatch}).
 * Death notices and wake-ups come on an in-process socket of their own, which no peer can reach.
 */
public final class WorkerPool {

    /** A bound on one wait for starting workers, so the start deadline is checked. */
    private static final long WAKE_MILLIS = 1000;
    private static final long CANCEL_WAIT_MILLIS = 2000;
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());
    private static WorkerPool shared;

    private final ZContext context = new ZContext();
    private final WorkerAuthenticator authenticator;
    private final String serverPublic;
    private final ZMQ.Socket router;
    /** Death notices and wake-ups: in-process only. */
    private final ZMQ.Socket notices;
    private final ZMQ.Poller poller;
    private final String endpoint;
    private final String noticesEndpoint;
    private final Map<String, WorkerProcess> workers = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final String namePrefix;
    private int nextWorker = 1;
    private volatile boolean closed;
    private volatile boolean cancelled;
    /** The one thread that touches the sockets. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("processes-pool").factory());

    private WorkerPool(String namePrefix) {
        this.namePrefix = namePrefix;
        authenticator = new WorkerAuthenticator(context);
        ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
        serverPublic = server.publicKey;
        router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setRouterMandatory(false);
        router.setCurveServer(true);
        router.setCurveSecretKey(ZMQ.Curve.z85Decode(server.secretKey));
        router.setZAPDomain("concurrency-lab-processes");
        router.setMaxMsgSize(Wire.MAX_MESSAGE_BYTES);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        endpoint = "tcp://127.0.0.1:" + port;
        PeerWatch peers = new PeerWatch(context.getContext());
        peers.watch(router, "the worker pool", Wire.MAX_MESSAGE_BYTES);
        peers.start("processes-pool-peers");
        notices = context.createSocket(SocketType.PULL);
        notices.setLinger(0);
        noticesEndpoint = "inproc://worker-pool-" + POOLS.incrementAndGet() + "-notices";
        notices.bind(noticesEndpoint);
        poller = context.createPoller(2);
        poller.register(router, ZMQ.Poller.POLLIN);
        poller.register(notices, ZMQ.Poller.POLLIN);
    }

    /** The pool the notebook's {@code %%processes} runs share; a new one after {@link #shutdown()}. */
    public static synchronized WorkerPool shared() {
        if (shared == null || shared.closed) {
            WorkerPool pool = new WorkerPool("processes-");
            Runtime.getRuntime().addShutdownHook(new Thread(pool::shutdown, "processes-pool-shutdown"));
            shared = pool;
        }
        return shared;
    }

    /** Where workers connect: loopback TCP, which any local user can reach, hence CurveZMQ. */
    String endpoint() {
        return endpoint;
    }

    /** The pool's CurveZMQ public key, which each worker is given to know it reached its own pool. */
    String serverPublicKey() {
        return serverPublic;
    }

    /** Lets the holder of {@code keys} in, as worker {@code name}. */
    void admit(String name, WorkerKeys keys) {
        authenticator.admit(name, keys);
    }

    /** Workers alive now. */
    public int size() {
        return workers.size();
    }

    /** Process ids of the live workers, in start order. */
    public List<Long> pids() {
        synchronized (workers) {
            return workers.values().stream().map(WorkerProcess::pid).toList();
        }
    }

    /** Worker-reported CPU of the last run, summed over processes. */
    private long remoteCpuNanos;

    public synchronized long lastRemoteCpuNanos() {
        return remoteCpuNanos;
    }

    /** Bytes of notebook state the last run sent, over all its workers. */
    private long stateBytesSent;
    /**
     * The longest a worker of the last run took to get its copy of the notebook state: from sending it (or from
     * when the worker was done with the notebook's classes, sent before it) to having installed it: the wire,
     * CurveZMQ's encryption, deserializing, setting the fields.
     */
    private long stateDeliverNanos;

    public synchronized long lastStateBytesSent() {
        return stateBytesSent;
    }

    public synchronized long lastStateDeliverNanos() {
        return stateDeliverNanos;
    }

    /**
     * Runs {@code tasks} tasks on {@code workerCount} workers. Results are deserialized with
     * {@code resultLoader}, so records defined in cells come back as themselves. The sockets are used only by
     * the pool's own thread: an interrupt of the caller (which JeroMQ would swallow, or answer by closing its
     * channels) is turned into a cancel request that kills the busy workers.
     */
    public synchronized List<TaskRecord> run(int workerCount, int tasks, TaskMethod method, ClassLoader resultLoader,
                                             long runStartNanos) throws InterruptedException {
        return run(workerCount, tasks, method, resultLoader, runStartNanos, NotebookState.NONE);
    }

    /**
     * As {@link #run(int, int, TaskMethod, ClassLoader, long)}, each worker first getting a fresh copy of
     * {@code state}: the values it has not had yet cross the wire ({@link #lastStateBytesSent()}), the others it
     * copies from the bytes it kept.
     */
    public synchronized List<TaskRecord> run(int workerCount, int tasks, TaskMethod method, ClassLoader resultLoader,
                                             long runStartNanos, NotebookState state) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the worker pool was shut down");
        }
        long runStartEpoch = epochNanos() - (System.nanoTime() - runStartNanos);
        cancelled = false;
        Future<List<TaskRecord>> job = io.submit(() -> dispatch(tasks, method, resultLoader,
                ensure(workerCount), runStartEpoch, state));
        try {
            return job.get();
        } catch (InterruptedException e) {
            cancelled = true;
            wake();
            try {
                job.get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | CancellationException ignored) {
                // the run was given up; what matters is that its workers are gone
            }
            throw new InterruptedException("interrupted; the busy worker processes were stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the worker pool failed: " + e.getCause(), e.getCause());
        }
    }

    /** Wakes the pool thread out of its poll; a message of its own, from a socket of its own. */
    private void wake() {
        reportDeath("");
    }

    private List<TaskRecord> dispatch(int tasks, TaskMethod method, ClassLoader resultLoader,
                                      List<WorkerProcess> team, long runStartEpoch, NotebookState state) {
        SnippetClasses classes = SnippetClasses.snapshot();
        Set<WorkerProcess> haveState = new HashSet<>();
        stateBytesSent = 0;
        stateDeliverNanos = 0;
        Deque<Integer> pending = new ArrayDeque<>();
        for (int index = 0; index < tasks; index++) {
            pending.add(index);
        }
        Deque<WorkerProcess> idle = new ArrayDeque<>(team);
        List<WorkerProcess> inRun = new ArrayList<>(team);
        TaskRecord[] records = new TaskRecord[tasks];
        int finished = 0;
        remoteCpuNanos = 0;
        // an untimed wait: deaths and cancels arrive as notices
        while (finished < tasks) {
            while (!idle.isEmpty() && !pending.isEmpty()) {
                WorkerProcess worker = idle.poll();
                send(worker, pending.poll(), tasks, method, classes, haveState.add(worker) ? state : NotebookState.NONE);
            }
            Incoming incoming = receive(-1);
            if (closed) {
                throw new CancellationException("the worker pool was shut down during the run");
            }
            if (cancelled) {
                inRun.stream().filter(worker -> worker.task >= 0).forEach(this::drop);
                throw new CancellationException("interrupted; the busy worker processes were stopped");
            }
            if (incoming == null) {
                continue;
            }
            if (incoming instanceof Notice notice) {
                WorkerProcess worker = workers.remove(notice.worker());
                if (worker == null) {
                    continue;
                }
                authenticator.revoke(worker.name);
                idle.remove(worker);
                inRun.remove(worker);
                if (worker.task >= 0) {
                    records[worker.task] = died(worker, runStartEpoch);
                    finished++;
                }
                if (finished < tasks) {
                    inRun.add(startWorker());
                }
                continue;
            }
            FromWorker from = (FromWorker) incoming;
            WorkerProcess worker = from.worker();
            switch (from.message()) {
                case WorkerMessage.TaskDone done when done.index() != worker.task ->
                        dropped("a result for task " + done.index() + " from " + worker.name + ", which runs task " + worker.task);
                case WorkerMessage.TaskDone done -> {
                    records[done.index()] = record(worker, done, resultLoader, runStartEpoch);
                    remoteCpuNanos += done.processCpuNanos();
                    if (done.stateInstalledEpochNanos() > 0) {
                        // from when the state was sent, or the worker was done with the classes sent before it
                        long sentOrFree = Math.max(worker.stateSentEpochNanos, done.stateFromEpochNanos());
                        stateDeliverNanos = Math.max(stateDeliverNanos, done.stateInstalledEpochNanos() - sentOrFree);
                    }
                    worker.task = -1;
                    finished++;
                    idle.add(worker);
                }
                case WorkerMessage.Ready ready -> {
                    worker.ready = true;
                    if (inRun.contains(worker)) {
                        idle.add(worker);
                    }
                }
                default -> dropped("an unexpected " + from.message().getClass().getSimpleName() + " from " + worker.name);
            }
        }
        return List.of(records);
    }

    /** What the pool thread waits for: a worker's death (or a wake-up, with no name) or a worker's message. */
    private sealed interface Incoming {
    }

    private record Notice(String worker) implements Incoming {
    }

    private record FromWorker(WorkerProcess worker, WorkerMessage message) implements Incoming {
    }

    /**
     * The next notice or worker message, or null when {@code timeoutMillis} passed (-1: no limit) or what
     * arrived was dropped.
     */
    private Incoming receive(long timeoutMillis) {
        if (poller.poll(timeoutMillis) <= 0) {
            return null;
        }
        if (poller.pollin(1)) {
            String name = notices.recvStr(ZMQ.DONTWAIT);
            return name == null ? null : new Notice(name);
        }
        return poller.pollin(0) ? fromWorker() : null;
    }

    /**
     * A worker's message: exactly a routing identity and one payload frame, from the worker the key was
     * made for (the name ZAP put on the message), decoded through the message filter.
     */
    private Incoming fromWorker() {
        byte[] identity = router.recv(ZMQ.DONTWAIT);
        if (identity == null) {
            return null;
        }
        String name = new String(identity, StandardCharsets.UTF_8);
        if (!router.hasReceiveMore()) {
            dropped("an empty message from " + name);
            return null;
        }
        zmq.Msg payload = router.recvMsg(ZMQ.DONTWAIT);
        if (payload == null) {
            return null;
        }
        if (router.hasReceiveMore()) {
            int extra = 0;
            while (router.hasReceiveMore()) {
                router.recv(ZMQ.DONTWAIT);
                extra++;
            }
            dropped("a message of " + (2 + extra) + " frames from " + name + " (a worker's has two: its name and one payload)");
            return null;
        }
        WorkerProcess worker = workers.get(name);
        if (worker == null || !name.equals(WorkerAuthenticator.userId(payload))) {
            dropped("a message routed as " + name + " from a peer whose key is not that worker's");
            return null;
        }
        try {
            return new FromWorker(worker, Wire.readMessage(payload.data()));
        } catch (IllegalStateException e) {
            dropped("a message from " + name + " that is not one of the pool's: " + e.getCause());
            return null;
        }
    }

    private static void dropped(String what) {
        LOG.log(System.Logger.Level.WARNING, "worker pool: dropped {0}", what);
    }

    private void send(WorkerProcess worker, int index, int count, TaskMethod method, SnippetClasses classes,
                      NotebookState state) {
        byte[] identity = worker.name.getBytes(StandardCharsets.UTF_8);
        if (!classes.digest().equals(worker.classesDigest)) {
            byte[] load = Wire.writeMessage(new WorkerMessage.LoadClasses(classes.digest(), classes.classes()));
            if (load.length > Wire.MAX_MESSAGE_BYTES) {
                throw new IllegalStateException("the notebook's classes take " + (load.length >> 20) + " MiB, more than the "
                        + (Wire.MAX_MESSAGE_BYTES >> 20) + " MiB one message to a worker process may carry");
            }
            router.sendMore(identity);
            router.send(load);
            worker.classesDigest = classes.digest();
        }
        if (!state.variables().isEmpty()) {
            sendState(worker, identity, classes.digest(), state);
        }
        router.sendMore(identity);
        router.send(Wire.writeMessage(new WorkerMessage.RunTask(index, count, method.className(), method.methodName(),
                classes.digest())));
        worker.task = index;
    }

    /** The notebook values the worker lacks, and the names of those it kept, before its first task of a run. */
    private void sendState(WorkerProcess worker, byte[] identity, String classesDigest, NotebookState state) {
        Map<String, byte[]> changed = new TreeMap<>();
        List<String> unchanged = new ArrayList<>();
        for (NotebookState.Variable variable : state.variables()) {
            if (variable.digest().equals(worker.stateDigests.get(variable.key()))) {
                unchanged.add(variable.key());
            } else {
                changed.put(variable.key(), variable.value());
            }
        }
        byte[] message = Wire.writeMessage(new WorkerMessage.InstallState(classesDigest, changed, unchanged.toArray(String[]::new)));
        if (message.length > Wire.MAX_MESSAGE_BYTES) {
            throw new IllegalStateException("the notebook variables this cell reads take " + (message.length >> 20)
                    + " MiB serialized, more than the " + (Wire.MAX_MESSAGE_BYTES >> 20) + " MiB one message to a worker"
                    + " process may carry. Create the large values inside the cell body instead.");
        }
        worker.stateSentEpochNanos = epochNanos();
        router.sendMore(identity);
        router.send(message);
        worker.stateDigests.clear(); // the worker keeps what this message names, and only that
        state.variables().forEach(variable -> worker.stateDigests.put(variable.key(), variable.digest()));
        stateBytesSent += changed.values().stream().mapToLong(value -> value.length).sum();
    }

    private TaskRecord record(WorkerProcess worker, WorkerMessage.TaskDone done, ClassLoader loader, long runStartEpoch) {
        Object result = null;
        WorkerMessage.Failure failed = done.failure();
        TaskFailure failure = failed == null ? null : new TaskFailure(failed.type(), failed.message(), failed.trace());
        if (failure == null) {
            try {
                result = Wire.readResult(done.result(), loader);
            } catch (Exception e) {
                failure = new TaskFailure(e.getClass().getName(), "task " + done.index() + "'s result from "
                        + worker.name + " cannot be read here: " + e.getMessage(), "");
            }
        }
        return new TaskRecord(done.index(), worker.name, done.startEpochNanos() - runStartEpoch, done.wallNanos(),
                done.cpuNanos(), result, failure);
    }

    private TaskRecord died(WorkerProcess worker, long runStartEpoch) {
        worker.process.onExit().join();
        String message = "task " + worker.task + ": worker process " + worker.name + " (pid " + worker.pid()
                + ") died while running it (" + worker.exitDescription() + ")";
        long now = epochNanos() - runStartEpoch;
        return new TaskRecord(worker.task, worker.name, now, 0, -1, null,
                new TaskFailure("WorkerDiedException", message, ""));
    }

    /**
     * Starts the workers a run of {@code count} will need, without waiting: the pool's thread starts them while
     * the caller goes on (compiling the cell, say). The next {@link #awaitWorkers} reports the start.
     */
    public void startInBackground(int count) {
        if (closed) {
            return;
        }
        io.submit(() -> {
            try {
                ensure(count);
            } catch (RuntimeException e) {
                // the run that needs them starts them again and reports why they failed
                LOG.log(System.Logger.Level.WARNING, "worker pool: starting workers failed: {0}", e.getMessage());
            }
        });
    }

    /**
     * Waits until {@code count} workers are ready, starting the missing ones: a run calls it before its clock
     * starts, so starting JVMs is never part of a measurement. Returns the start to report (also one begun in
     * the background), once, or null when every worker was already warm.
     */
    public synchronized WorkersStarted awaitWorkers(int count) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the worker pool was shut down");
        }
        cancelled = false;
        Future<WorkersStarted> job = io.submit(() -> {
            ensure(count);
            WorkersStarted report = unreported;
            unreported = null;
            return report;
        });
        try {
            return job.get();
        } catch (InterruptedException e) {
            cancelled = true;
            wake();
            throw new InterruptedException("interrupted while worker JVMs were starting");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the worker pool failed: " + e.getCause(), e.getCause());
        }
    }

    /** The last start of workers no run has reported yet; touched only by the pool's thread. */
    private WorkersStarted unreported;

    /** Starts workers until there are {@code count}, and waits until they all said they are ready. */
    private List<WorkerProcess> ensure(int count) {
        retireOutdatedClassPath();
        long startedAt = System.nanoTime();
        int started = 0;
        while (workers.size() < count) {
            startWorker();
            started++;
        }
        List<WorkerProcess> team;
        synchronized (workers) {
            team = new ArrayList<>(workers.values()).subList(0, count);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (team.stream().anyMatch(worker -> !worker.ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("worker JVMs did not start within " + START_TIMEOUT_MILLIS + " ms");
            }
            Incoming incoming = receive(WAKE_MILLIS);
            if (cancelled) {
                throw new CancellationException("interrupted while worker JVMs were starting");
            }
            if (incoming instanceof Notice notice) {
                WorkerProcess worker = workers.remove(notice.worker());
                if (worker != null) {
                    authenticator.revoke(worker.name);
                    throw new IllegalStateException("worker JVM " + worker.name + " exited while starting ("
                            + worker.exitDescription() + "); its error output is above");
                }
            } else if (incoming instanceof FromWorker from && from.message() instanceof WorkerMessage.Ready ready) {
                if (ready.pid() == from.worker().pid()) {
                    from.worker().ready = true;
                } else {
                    dropped("a Ready from " + from.worker().name + " naming pid " + ready.pid());
                }
            }
        }
        if (started > 0) {
            int before = unreported == null ? 0 : unreported.count();
            unreported = new WorkersStarted(before + started, System.nanoTime() - startedAt);
        }
        return team;
    }

    /**
     * Stops the workers started before the last {@code %classpath add}: a JVM's class path is fixed when it
     * starts, so their replacements start with the new one. Their death notices then name no known worker.
     */
    private void retireOutdatedClassPath() {
        List<String> current = ExtraClassPath.entries();
        List<WorkerProcess> outdated;
        synchronized (workers) {
            outdated = workers.values().stream().filter(worker -> !worker.extraClassPath.equals(current)).toList();
        }
        outdated.forEach(this::drop);
    }

    private WorkerProcess startWorker() {
        String name = namePrefix + nextWorker++;
        WorkerKeys keys = WorkerKeys.forServer(serverPublic);
        admit(name, keys);
        WorkerProcess worker = WorkerProcess.start(name, endpoint, keys);
        workers.put(worker.name, worker);
        worker.process.onExit().thenRun(() -> reportDeath(worker.name));
        return worker;
    }

    /** Called on a JDK thread when a worker exits (or to wake the pool thread, with an empty name). */
    private void reportDeath(String name) {
        // a socket of its own: ZeroMQ sockets belong to one thread, contexts are shared
        try (ZMQ.Socket notice = context.getContext().socket(SocketType.PUSH)) {
            notice.setLinger(1000);
            notice.connect(noticesEndpoint);
            notice.send(name);
        } catch (RuntimeException e) {
            // the pool is closing; nobody waits for this worker any more
        }
    }

    private void drop(WorkerProcess worker) {
        workers.remove(worker.name);
        authenticator.revoke(worker.name);
        worker.kill();
    }

    /** Stops every worker and closes the sockets; the next {@link #shared()} starts a fresh pool. */
    public void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        List<WorkerProcess> all;
        synchronized (workers) {
            all = List.copyOf(workers.values());
        }
        all.forEach(WorkerProcess::kill);
        try {
            io.submit(() -> {
                poller.close();
                context.close();
            }).get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            // the sockets die with the JVM anyway
        }
        io.shutdown();
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
