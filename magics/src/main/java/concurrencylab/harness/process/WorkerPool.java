package concurrencylab.harness.process;

import concurrencylab.agent.ExtraClassPath;
import concurrencylab.results.TaskFailure;
import concurrencylab.results.TaskRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class WorkerPool {

    /** A bound on one wait for starting workers, so the start deadline is checked. */
    private static final long WAKE_MILLIS = 1000;
    private static final long CANCEL_WAIT_MILLIS = 2000;
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final AtomicInteger NOTICES = new AtomicInteger();
    private static WorkerPool shared;

    private final ZContext context = new ZContext();
    private final ZMQ.Socket router;
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
        router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setRouterMandatory(false);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        endpoint = "tcp://127.0.0.1:" + port;
        noticesEndpoint = "inproc://worker-pool-" + POOLS.incrementAndGet();
        router.bind(noticesEndpoint);
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

    /**
     * Runs {@code tasks} tasks on {@code workerCount} workers. Results are deserialized with
     * {@code resultLoader}, so records defined in cells come back as themselves. The sockets are used only by
     * the pool's own thread: an interrupt of the caller (which JeroMQ would swallow, or answer by closing its
     * channels) is turned into a cancel request that kills the busy workers.
     */
    public synchronized List<TaskRecord> run(int workerCount, int tasks, TaskMethod method, ClassLoader resultLoader,
                                             long runStartNanos) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the worker pool was shut down");
        }
        long runStartEpoch = epochNanos() - (System.nanoTime() - runStartNanos);
        cancelled = false;
        Future<List<TaskRecord>> job = io.submit(() -> dispatch(tasks, method, resultLoader,
                ensure(workerCount), runStartEpoch));
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
                                      List<WorkerProcess> team, long runStartEpoch) {
        SnippetClasses classes = SnippetClasses.snapshot();
        Deque<Integer> pending = new ArrayDeque<>();
        for (int index = 0; index < tasks; index++) {
            pending.add(index);
        }
        Deque<WorkerProcess> idle = new ArrayDeque<>(team);
        List<WorkerProcess> inRun = new ArrayList<>(team);
        TaskRecord[] records = new TaskRecord[tasks];
        int finished = 0;
        remoteCpuNanos = 0;
        // blocking receives are markedly cheaper in JeroMQ than timed ones; deaths and cancels arrive as notices
        router.setReceiveTimeOut(-1);
        while (finished < tasks) {
            while (!idle.isEmpty() && !pending.isEmpty()) {
                send(idle.poll(), pending.poll(), tasks, method, classes);
            }
            byte[][] frames = receive();
            if (closed) {
                throw new CancellationException("the worker pool was shut down during the run");
            }
            if (cancelled) {
                inRun.stream().filter(worker -> worker.task >= 0).forEach(this::drop);
                throw new CancellationException("interrupted; the busy worker processes were stopped");
            }
            if (frames == null) {
                continue;
            }
            if (isNotice(frames)) {
                WorkerProcess worker = workers.remove(new String(frames[1], StandardCharsets.UTF_8));
                if (worker == null) {
                    continue;
                }
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
            WorkerProcess worker = workers.get(new String(frames[0], StandardCharsets.UTF_8));
            if (worker == null) {
                continue;
            }
            switch (Wire.readMessage(frames[1])) {
                case WorkerMessage.TaskDone done -> {
                    records[done.index()] = record(worker, done, resultLoader, runStartEpoch);
                    remoteCpuNanos += done.processCpuNanos();
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
                default -> throw new IllegalStateException("unexpected message from " + worker.name);
            }
        }
        return List.of(records);
    }

    /** The next message (identity and payload), or null when the receive timeout passed. */
    private byte[][] receive() {
        byte[] identity = router.recv();
        if (identity == null) {
            return null;
        }
        return new byte[][] {identity, router.recv()};
    }

    /** Death notices and wake-ups come from sockets with identities starting with '!' (workers never do). */
    private static boolean isNotice(byte[][] frames) {
        return frames[0].length > 0 && frames[0][0] == '!';
    }

    private void send(WorkerProcess worker, int index, int count, TaskMethod method, SnippetClasses classes) {
        byte[] identity = worker.name.getBytes(StandardCharsets.UTF_8);
        if (!classes.digest().equals(worker.classesDigest)) {
            router.sendMore(identity);
            router.send(Wire.writeMessage(new WorkerMessage.LoadClasses(classes.digest(), classes.classes())));
            worker.classesDigest = classes.digest();
        }
        router.sendMore(identity);
        router.send(Wire.writeMessage(new WorkerMessage.RunTask(index, count, method.className(), method.methodName(),
                classes.digest())));
        worker.task = index;
    }

    private TaskRecord record(WorkerProcess worker, WorkerMessage.TaskDone done, ClassLoader loader, long runStartEpoch) {
        Object result = null;
        WorkerMessage.Failure failed = done.failure();
        TaskFailure failure = failed == null ? null : new TaskFailure(failed.type(), failed.message(), failed.trace());
        if (failure == null) {
            try {
                result = Wire.read(done.result(), loader);
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

    /** Starts workers until there are {@code count}, and waits until they all said they are ready. */
    private List<WorkerProcess> ensure(int count) {
        retireOutdatedClassPath();
        while (workers.size() < count) {
            startWorker();
        }
        List<WorkerProcess> team;
        synchronized (workers) {
            team = new ArrayList<>(workers.values()).subList(0, count);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        router.setReceiveTimeOut((int) WAKE_MILLIS);
        while (team.stream().anyMatch(worker -> !worker.ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("worker JVMs did not start within " + START_TIMEOUT_MILLIS + " ms");
            }
            byte[][] frames = receive();
            if (cancelled) {
                throw new CancellationException("interrupted while worker JVMs were starting");
            }
            if (frames == null) {
                continue;
            }
            String sender = new String(frames[isNotice(frames) ? 1 : 0], StandardCharsets.UTF_8);
            WorkerProcess worker = workers.get(sender);
            if (worker == null) {
                continue;
            }
            if (isNotice(frames)) {
                workers.remove(sender);
                throw new IllegalStateException("worker JVM " + sender + " exited while starting ("
                        + worker.exitDescription() + "); its error output is above");
            }
            if (Wire.readMessage(frames[1]) instanceof WorkerMessage.Ready) {
                worker.ready = true;
            }
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
        WorkerProcess worker = WorkerProcess.start(namePrefix + nextWorker++, endpoint);
        workers.put(worker.name, worker);
        worker.process.onExit().thenRun(() -> reportDeath(worker.name));
        return worker;
    }

    /** Called on a JDK thread when a worker exits (or to wake the pool thread, with an empty name). */
    private void reportDeath(String name) {
        // a socket of its own: ZeroMQ sockets belong to one thread, contexts are shared
        try (ZMQ.Socket notice = context.getContext().socket(SocketType.DEALER)) {
            notice.setIdentity(("!" + NOTICES.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
            notice.setLinger(1000);
            notice.connect(noticesEndpoint);
            notice.send(name);
        } catch (RuntimeException e) {
            // the pool is closing; nobody waits for this worker any more
        }
    }

    private void drop(WorkerProcess worker) {
        workers.remove(worker.name);
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
            io.submit(context::close).get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
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
