package concurrencylab.harness.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cluster.Member;
import concurrencylab.agent.wire.SnippetNames;
import concurrencylab.harness.process.SnippetClassLoader;
import concurrencylab.harness.process.Wire;
import concurrencylab.harness.task.CpuClock;
import concurrencylab.harness.task.TaskContext;
import concurrencylab.harness.task.TaskFrames;
import concurrencylab.results.TaskFailure;
import java.io.NotSerializableException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inside a member: runs notebook tasks. The snippet classes of a run come from the cluster's class map once per
 * member (a loader per set, the last few kept), with stop checks woven in ({@link StopChecks}), on a parent
 * loader of the notebook's jars ({@link MemberJars}); the notebook
 * values a task reads are installed before the member's first task of each run, each a fresh copy, as
 * {@code %%processes} workers install theirs, their bytes fetched once and kept for later runs.
 */
final class MemberTasks {

    private static final int KEPT_LOADERS = 8;
    private static volatile HazelcastInstance member;
    private static final Map<String, ClassLoader> LOADERS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClassLoader> eldest) {
            return size() > KEPT_LOADERS;
        }
    };
    /** The run whose values are installed in each loader, by {@link ClusterTask#loaderKey()}. */
    private static final Map<String, String> INSTALLED_RUN = new HashMap<>();
    /** The threads running tasks, by the client that sent them. */
    private static final Map<String, Set<Thread>> RUNNING = new ConcurrentHashMap<>();
    /** Serialized notebook values by digest: those of the last run, to copy again without fetching. */
    private static Map<String, byte[]> keptState = new HashMap<>();

    private MemberTasks() {
    }

    /** The member this JVM runs, set as it starts. */
    static void member(HazelcastInstance instance) {
        member = instance;
    }

    /**
     * A notebook's client left (its kernel ended, was restarted, or lost the network): its tasks have no one to
     * report to, so they are stopped, at their next stop check or blocking call, and no core stays busy for them.
     */
    static void clientLeft(String client) {
        Set<Thread> threads = RUNNING.remove(client);
        if (threads != null) {
            threads.forEach(Thread::interrupt);
        }
    }

    static TaskOutcome run(ClusterTask task) {
        Set<Thread> running = RUNNING.computeIfAbsent(task.client(), client -> ConcurrentHashMap.newKeySet());
        running.add(Thread.currentThread());
        try {
            return runHere(task);
        } finally {
            running.remove(Thread.currentThread());
            Thread.interrupted(); // an interrupt meant for this task must not reach the pool thread's next one
        }
    }

    private static TaskOutcome runHere(ClusterTask task) {
        HazelcastInstance here = member != null ? member : Hazelcast.getAllHazelcastInstances().iterator().next();
        String name = name(here.getCluster().getLocalMember());
        Instant start = Instant.now();
        long cpuBefore = CpuClock.thread();
        long startNanos = System.nanoTime();
        Object result = null;
        TaskFailure failure = null;
        try {
            ClassLoader loader = loader(task, here, name);
            install(task, loader, here, name);
            Method method = Class.forName(task.className(), true, loader).getDeclaredMethod(task.methodName());
            method.setAccessible(true);
            result = new TaskContext(task.index(), task.count(), name).runWith(() -> invoke(method));
        } catch (Throwable error) {
            failure = TaskFailure.of(error, className -> TaskFrames.calling(className, MemberTasks.class));
        }
        long wall = System.nanoTime() - startNanos;
        long cpu = CpuClock.thread() - cpuBefore;
        byte[] bytes = null;
        if (failure == null) {
            try {
                bytes = Wire.write(result);
            } catch (NotSerializableException e) {
                failure = new TaskFailure(NotSerializableException.class.getName(), "task " + task.index() + " returned a "
                        + SnippetNames.clean(result.getClass().getName()) + ", which cannot cross to the notebook: "
                        + e.getMessage() + " is not Serializable. Return a String, a number, a List, or a record that"
                        + " implements java.io.Serializable.", "");
            } catch (Exception e) {
                failure = TaskFailure.of(e);
            }
        }
        return new TaskOutcome(task.index(), name, start.getEpochSecond() * 1_000_000_000L + start.getNano(), wall, cpu,
                bytes, failure);
    }

    /** How results and tasks name a member: {@code 10.0.0.5:5701}. */
    static String name(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    private static synchronized ClassLoader loader(ClusterTask task, HazelcastInstance here, String name) {
        ClassLoader loader = LOADERS.get(task.loaderKey());
        if (loader == null) {
            ClassLoader jars = MemberJars.loader(task.jars(), here, name);
            Map<String, byte[]> classes = here.<String, HashMap<String, byte[]>>getMap(MemberConfig.CLASSES_MAP)
                    .get(task.classesDigest());
            if (classes == null) {
                throw new IllegalStateException("the notebook's classes did not reach member " + name);
            }
            loader = new SnippetClassLoader(StopChecks.woven(classes), jars);
            LOADERS.put(task.loaderKey(), loader);
        }
        return loader;
    }

    /** The notebook values, once per run and set of classes: a fresh copy each, as a fork would find them. */
    private static synchronized void install(ClusterTask task, ClassLoader loader, HazelcastInstance here, String name) {
        if (task.run().equals(INSTALLED_RUN.get(task.loaderKey()))) {
            return;
        }
        Map<String, byte[]> kept = new HashMap<>();
        for (Map.Entry<String, String> variable : task.state().entrySet()) {
            byte[] bytes = keptState.get(variable.getValue());
            if (bytes == null) {
                bytes = here.<String, byte[]>getMap(MemberConfig.STATE_MAP).get(variable.getValue());
            }
            install(variable.getKey(), bytes, loader, name);
            kept.put(variable.getValue(), bytes);
        }
        keptState = kept;
        INSTALLED_RUN.put(task.loaderKey(), task.run());
    }

    private static void install(String key, byte[] value, ClassLoader loader, String name) {
        int hash = key.indexOf('#');
        try {
            if (value == null) {
                throw new IllegalStateException("its value never reached this member");
            }
            Field field = Class.forName(key.substring(0, hash), true, loader).getDeclaredField(key.substring(hash + 1));
            field.setAccessible(true);
            field.set(null, Wire.readResult(value, loader));
        } catch (Exception | LinkageError e) {
            String owner = SnippetNames.clean(key.substring(0, hash)).replace('$', '.');
            String variable = owner.isEmpty() ? key.substring(hash + 1) : owner + "." + key.substring(hash + 1);
            throw new IllegalStateException("the notebook variable " + variable + " could not be installed on member "
                    + name + ": " + SnippetNames.clean(String.valueOf(e.getMessage())), e);
        }
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
}
