package concurrencylab.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live threads notebook code started, with the lock each waits for and who holds it, and the
 * deadlocks among them, as data for the kernel to render. Platform threads only: the JVM's thread
 * and deadlock views do not cover virtual threads.
 */
final class ThreadSurvey {

    /** The thread group JShell's engine runs each snippet in; threads a cell starts inherit it. */
    private static final String SNIPPET_GROUP = "JShell process local execution";

    private ThreadSurvey() {
    }

    static JsonObject take() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Thread> notebook = Thread.getAllStackTraces().keySet().stream()
                .filter(ThreadSurvey::startedByNotebook)
                .sorted(Comparator.comparingLong(Thread::threadId))
                .toList();
        JsonArray threads = new JsonArray();
        for (Thread thread : notebook) {
            ThreadInfo info = mx.getThreadInfo(thread.threadId(), 1);
            if (info != null) {
                threads.add(describe(thread, info));
            }
        }
        JsonObject survey = new JsonObject();
        survey.add("threads", threads);
        survey.add("deadlocks", deadlocks(mx));
        return survey;
    }

    private static boolean startedByNotebook(Thread thread) {
        if (thread.getName().startsWith("ForkJoinPool.commonPool-worker")) {
            return true; // parallel streams and async futures of any cell
        }
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            if (group.getName().equals(SNIPPET_GROUP)) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject describe(Thread thread, ThreadInfo info) {
        JsonObject json = new JsonObject();
        json.addProperty("name", thread.getName());
        json.addProperty("id", thread.threadId());
        json.addProperty("state", info.getThreadState().name());
        json.addProperty("virtual", thread.isVirtual());
        json.addProperty("daemon", thread.isDaemon());
        if (info.getLockInfo() != null) {
            json.addProperty("waitsFor", lockName(info.getLockInfo()));
        }
        if (info.getLockOwnerName() != null) {
            json.addProperty("heldBy", info.getLockOwnerName());
        }
        if (info.getStackTrace().length > 0) {
            json.addProperty("at", info.getStackTrace()[0].toString());
        }
        return json;
    }

    /** Each deadlock as its cycle: every thread with the lock it holds and the one it waits for. */
    private static JsonArray deadlocks(ThreadMXBean mx) {
        JsonArray cycles = new JsonArray();
        long[] ids = mx.findDeadlockedThreads();
        if (ids == null) {
            return cycles;
        }
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(ids, false, false)) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        Set<Long> seen = new HashSet<>();
        for (long id : ids) {
            List<ThreadInfo> cycle = cycleFrom(id, byId, seen);
            if (cycle.isEmpty()) {
                continue;
            }
            JsonArray links = new JsonArray();
            for (int i = 0; i < cycle.size(); i++) {
                ThreadInfo thread = cycle.get(i);
                ThreadInfo previous = cycle.get((i + cycle.size() - 1) % cycle.size());
                JsonObject link = new JsonObject();
                link.addProperty("thread", thread.getThreadName());
                link.addProperty("holds", lockName(previous.getLockInfo()));
                link.addProperty("waitsFor", lockName(thread.getLockInfo()));
                link.addProperty("heldBy", thread.getLockOwnerName());
                links.add(link);
            }
            cycles.add(links);
        }
        return cycles;
    }

    /** Follows "waits for a lock held by" from one thread until a thread repeats; returns the loop. */
    private static List<ThreadInfo> cycleFrom(long start, Map<Long, ThreadInfo> byId, Set<Long> seen) {
        List<Long> path = new ArrayList<>();
        long current = start;
        while (byId.containsKey(current) && !path.contains(current)) {
            if (seen.contains(current)) {
                return List.of(); // leads into a cycle already reported
            }
            path.add(current);
            current = byId.get(current).getLockOwnerId();
        }
        seen.addAll(path);
        int loopStart = path.indexOf(current);
        if (loopStart < 0) {
            return List.of();
        }
        return path.subList(loopStart, path.size()).stream().map(byId::get).toList();
    }

    private static String lockName(LockInfo lock) {
        return lock == null ? "?" : lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
