package concurrencylab.harness.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import concurrencylab.agent.ExtraClassPath;
import concurrencylab.harness.process.SnippetClasses;
import concurrencylab.harness.process.TaskMethod;
import concurrencylab.harness.process.Wire;
import concurrencylab.harness.state.NotebookState;
import concurrencylab.results.TaskFailure;
import concurrencylab.results.TaskRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@code %%cluster} run: the notebook's jars ({@link NotebookJars}), the snippet classes and the notebook
 * values the body reads go into the cluster's maps (those already there stay), then each member of the team gets one task at a time, the next when it
 * answers. A member that leaves during the run (killed, unplugged) has its task run again on another member,
 * and the run says so; with no member left, the tasks it could not run fail naming the member. An interrupt
 * cancels the tasks in flight, which interrupts their threads on the members; woven stop checks end loops that
 * never look ({@link StopChecks}).
 */
public final class ClusterRun {

    /** How long an interrupted run waits for the members to confirm the cancels before it gives up waiting. */
    private static final long CANCEL_WAIT_MILLIS = 1000;

    /**
     * What a run gives back: the task records in task order, the members' CPU for the tasks, and what the
     * notebook's state cost to send (bytes put into the cluster, and how long that took).
     */
    public record Outcome(List<TaskRecord> records, long remoteCpuNanos, long stateBytesSent, long statePutNanos) {
    }

    /** A task's answer, or why there is none, as the executor's callback hands it over. */
    private record Completion(Member member, int index, TaskOutcome outcome, Throwable error) {
    }

    private ClusterRun() {
    }

    public static Outcome run(int workers, int tasks, TaskMethod method, ClassLoader cellLoader, NotebookState state,
                              long runStartNanos) throws InterruptedException {
        NotebookCluster cluster = NotebookCluster.connected();
        HazelcastInstance client = cluster.client();
        List<Member> members = cluster.members();
        if (members.size() < workers) {
            throw new ClusterException("this run asks for " + workers + " members and the cluster has " + members.size()
                    + ": start more (%cluster start -n " + workers + ") or ask for fewer (-n " + members.size() + ")");
        }
        long runStartEpoch = epochNanos() - (System.nanoTime() - runStartNanos);
        NotebookJars.Shipped jars = NotebookJars.ship(ExtraClassPath.entries(), client.getMap(MemberConfig.JARS_MAP),
                NotebookJars.MAX_JAR_BYTES);
        jars.refused().forEach(System.out::println);
        if (jars.sent() > 0) {
            System.out.printf("sent %d jar%s of the notebook's class path (%d KiB) to the cluster in %d ms; members fetch"
                    + " each once, when a task first needs it%n", jars.sent(), jars.sent() == 1 ? "" : "s",
                    (jars.bytesSent() + 1023) >> 10, TimeUnit.NANOSECONDS.toMillis(jars.nanos()));
        }
        SnippetClasses classes = SnippetClasses.snapshot();
        IMap<String, HashMap<String, byte[]>> classMap = client.getMap(MemberConfig.CLASSES_MAP);
        if (!classMap.containsKey(classes.digest())) {
            classMap.set(classes.digest(), new HashMap<>(classes.classes()));
        }
        long putStart = System.nanoTime();
        long stateBytes = 0;
        IMap<String, byte[]> stateMap = client.getMap(MemberConfig.STATE_MAP);
        Map<String, String> stateDigests = new LinkedHashMap<>();
        for (NotebookState.Variable variable : state.variables()) {
            stateDigests.put(variable.key(), variable.digest());
            if (!stateMap.containsKey(variable.digest())) {
                stateMap.set(variable.digest(), variable.value());
                stateBytes += variable.value().length;
            }
        }
        long statePut = state.variables().isEmpty() ? 0 : System.nanoTime() - putStart;
        String run = UUID.randomUUID().toString();
        String clientId = client.getLocalEndpoint().getUuid().toString();
        IExecutorService executor = client.getExecutorService(MemberConfig.EXECUTOR);
        BlockingQueue<Completion> done = new LinkedBlockingQueue<>();
        Deque<Integer> pending = new ArrayDeque<>();
        for (int index = 0; index < tasks; index++) {
            pending.add(index);
        }
        List<Member> team = new ArrayList<>(members.subList(0, workers));
        Deque<Member> idle = new ArrayDeque<>(team);
        Map<Member, Future<TaskOutcome>> inFlight = new HashMap<>();
        TaskRecord[] records = new TaskRecord[tasks];
        int finished = 0;
        long remoteCpu = 0;
        try {
            while (finished < tasks) {
                while (!idle.isEmpty() && !pending.isEmpty()) {
                    Member member = idle.poll();
                    int index = pending.poll();
                    ClusterTask task = new ClusterTask(clientId, run, index, tasks, method.className(), method.methodName(),
                            classes.digest(), jars.digests(), stateDigests);
                    inFlight.put(member, submit(executor, task, member, done));
                }
                Completion completion = done.take();
                inFlight.remove(completion.member());
                if (completion.outcome() != null) {
                    TaskOutcome outcome = completion.outcome();
                    records[outcome.index()] = record(outcome, cellLoader, runStartEpoch);
                    remoteCpu += Math.max(0, outcome.cpuNanos());
                    finished++;
                    idle.add(completion.member());
                } else if (!client.getLifecycleService().isRunning()) {
                    throw new ClusterException("the notebook left the cluster during the run (%cluster stop, or its"
                            + " connection was lost); the members stopped its tasks");
                } else if (lost(completion, cluster)) {
                    team.remove(completion.member());
                    String name = MemberTasks.name(completion.member());
                    if (team.isEmpty()) {
                        records[completion.index()] = lostRecord(completion.index(), name, runStartEpoch, "it was running it");
                        finished++;
                        for (int index : pending) {
                            records[index] = lostRecord(index, name, runStartEpoch, "no member was left to run it");
                            finished++;
                        }
                        pending.clear();
                    } else {
                        pending.addFirst(completion.index());
                        System.out.println("member " + name + " left during the run: task " + completion.index()
                                + " runs again on another member");
                    }
                } else {
                    records[completion.index()] = new TaskRecord(completion.index(), MemberTasks.name(completion.member()),
                            epochNanos() - runStartEpoch, 0, -1, null, TaskFailure.of(completion.error()));
                    finished++;
                    idle.add(completion.member());
                }
            }
        } catch (InterruptedException e) {
            cancel(inFlight.values());
            throw new InterruptedException("interrupted; the cluster's tasks were cancelled");
        }
        return new Outcome(List.of(records), remoteCpu, stateBytes, statePut);
    }

    private static Future<TaskOutcome> submit(IExecutorService executor, ClusterTask task, Member member,
                                              BlockingQueue<Completion> done) {
        Future<TaskOutcome> future = executor.submitToMember(task, member);
        if (!(future instanceof CompletionStage<?>)) {
            throw new IllegalStateException("this Hazelcast's executor futures cannot call back: " + future.getClass());
        }
        @SuppressWarnings("unchecked")
        CompletionStage<TaskOutcome> stage = (CompletionStage<TaskOutcome>) future;
        stage.whenComplete((outcome, error) -> done.add(new Completion(member, task.index(), outcome, error)));
        return future;
    }

    /** Whether the task has no answer because its member is gone, rather than because the task failed. */
    private static boolean lost(Completion completion, NotebookCluster cluster) {
        for (Throwable cause = completion.error(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MemberLeftException || cause instanceof TargetNotMemberException
                    || cause instanceof TargetDisconnectedException || cause instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return !cluster.members().contains(completion.member());
    }

    private static TaskRecord lostRecord(int index, String member, long runStartEpoch, String why) {
        return new TaskRecord(index, member, epochNanos() - runStartEpoch, 0, -1, null, new TaskFailure("MemberLeftException",
                "task " + index + " was lost: member " + member + " left the cluster during the run and " + why, ""));
    }

    private static TaskRecord record(TaskOutcome outcome, ClassLoader cellLoader, long runStartEpoch) {
        Object result = null;
        TaskFailure failure = outcome.failure();
        if (failure == null) {
            try {
                result = Wire.readResult(outcome.result(), cellLoader);
            } catch (Exception e) {
                failure = new TaskFailure(e.getClass().getName(), "task " + outcome.index() + "'s result from member "
                        + outcome.member() + " cannot be read here: " + e.getMessage(), "");
            }
        }
        return new TaskRecord(outcome.index(), outcome.member(), outcome.startEpochNanos() - runStartEpoch,
                outcome.wallNanos(), outcome.cpuNanos(), result, failure);
    }

    /** Cancels with interrupt, each on a thread of its own (a cancel asks the member), and waits a bounded time. */
    private static void cancel(Iterable<Future<TaskOutcome>> futures) {
        List<Thread> cancels = new ArrayList<>();
        for (Future<TaskOutcome> future : futures) {
            cancels.add(Thread.ofVirtual().name("cluster-cancel").start(() -> {
                try {
                    future.cancel(true);
                } catch (RuntimeException e) {
                    // the member is gone or the task ended: nothing left to stop
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CANCEL_WAIT_MILLIS);
        for (Thread cancel : cancels) {
            try {
                cancel.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
