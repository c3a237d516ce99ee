package concurrencylab.agent.threads;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import concurrencylab.agent.wire.Frames;
import concurrencylab.agent.wire.OwnerOnly;
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
 * deadlocks among them, as data for the kernel to render. Virtual threads come from the JVM's thread
 * dump (the thread and deadlock views of ThreadMXBean cover platform threads only).
 */
public final class ThreadSurvey {

    /** The thread group JShell's engine runs each snippet in; threads a cell starts inherit it. */
    private static final String SNIPPET_GROUP = "JShell process local execution";

    /** Frames looked at to find where in notebook code a thread is. */
    private static final int STACK_DEPTH = 32;
    /** Classes JShell compiles snippets into. */
    private static final String SNIPPET_PREFIX = "REPL.";
    /** Virtual threads listed one by one; the rest are counted. */
    private static final int VIRTUAL_LISTED = 50;

    private ThreadSurvey() {
    }

    /** Only the deadlocks: what an interrupted cell reports. */
    public static JsonObject deadlocksOnly() {
        JsonObject survey = new JsonObject();
        survey.add("threads", new JsonArray());
        survey.add("deadlocks", deadlocks(ManagementFactory.getThreadMXBean()));
        return survey;
    }

    public static JsonObject take() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Thread> notebook = notebookThreads().stream()
                .sorted(Comparator.comparingLong(Thread::threadId))
                .toList();
        JsonArray threads = new JsonArray();
        for (Thread thread : notebook) {
            ThreadInfo info = mx.getThreadInfo(thread.threadId(), STACK_DEPTH);
            if (info != null) {
                threads.add(describe(thread, info));
            }
        }
        int virtual = addVirtualThreads(threads);
        JsonObject survey = new JsonObject();
        survey.add("threads", threads);
        survey.addProperty("virtualNotListed", Math.max(0, virtual - VIRTUAL_LISTED));
        survey.add("deadlocks", deadlocks(mx));
        return survey;
    }

    /** Only the CPU time of each live platform thread notebook code started: no thread dump, no stacks. */
    public static JsonObject cpuOnly() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        JsonArray threads = new JsonArray();
        for (Thread thread : notebookThreads()) {
            long cpu = mx.getThreadCpuTime(thread.threadId());
            if (cpu >= 0) {
                JsonObject json = new JsonObject();
                json.addProperty("id", thread.threadId());
                json.addProperty("cpuNanos", cpu);
                threads.add(json);
            }
        }
        JsonObject survey = new JsonObject();
        survey.add("threads", threads);
        return survey;
    }

    /** The live platform threads notebook code started, found one way for the survey, the CPU count and the stop. */
    private static List<Thread> notebookThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(ThreadSurvey::startedByNotebook).toList();
    }

    /** Interrupts every live platform thread notebook code started. */
    public static void interruptNotebookThreads() {
        notebookThreads().forEach(Thread::interrupt);
    }

    /**
     * Adds up to {@link #VIRTUAL_LISTED} virtual threads from a JSON thread dump; returns how many there are.
     * The JDK writes the dump itself, with the process's umask, so it goes into a fresh owner-only directory
     * that is deleted with it: other users of the machine never see the notebook's stacks.
     */
    private static int addVirtualThreads(JsonArray threads) {
        java.nio.file.Path directory = null;
        try {
            directory = OwnerOnly.createDirectory("concurrency-lab-threads-");
            java.nio.file.Path dump = directory.resolve("threads.json");
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            JsonObject root = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(dump)).getAsJsonObject();
            int count = 0;
            for (var container : root.getAsJsonObject("threadDump").getAsJsonArray("threadContainers")) {
                for (var element : container.getAsJsonObject().getAsJsonArray("threads")) {
                    JsonObject thread = element.getAsJsonObject();
                    if (!thread.has("virtual") || !thread.get("virtual").getAsBoolean()) {
                        continue;
                    }
                    if (count++ < VIRTUAL_LISTED) {
                        threads.add(describeVirtual(thread));
                    }
                }
            }
            return count;
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // no dump, no virtual threads listed: the platform threads still are
        } finally {
            OwnerOnly.deleteTree(directory);
        }
    }

    private static JsonObject describeVirtual(JsonObject dumped) {
        JsonObject json = new JsonObject();
        String name = dumped.has("name") ? dumped.get("name").getAsString() : "";
        json.addProperty("name", name.isEmpty() ? "virtual #" + dumped.get("tid").getAsString() : name);
        json.addProperty("id", dumped.get("tid").getAsLong());
        json.addProperty("state", dumped.has("state") ? dumped.get("state").getAsString() : "?");
        json.addProperty("virtual", true);
        json.addProperty("daemon", true);
        for (String lock : new String[] {"blockedOn", "waitingOn", "parkBlocker"}) {
            if (dumped.has(lock) && !json.has("waitsFor")) {
                JsonElement value = dumped.get(lock);
                json.addProperty("waitsFor", value.isJsonPrimitive() ? value.getAsString() : value.toString());
            }
        }
        JsonArray stack = dumped.getAsJsonArray("stack");
        List<String> frames = new ArrayList<>();
        if (stack != null) {
            stack.forEach(frame -> frames.add(frame.getAsString()));
        }
        String at = where(frames);
        if (at != null) {
            json.addProperty("at", at);
        }
        return json;
    }

    /** The innermost frame in notebook code (what the student wrote), else the innermost frame. */
    private static String where(List<String> frames) {
        return frames.stream().filter(f -> f.startsWith(SNIPPET_PREFIX)).findFirst()
                .orElse(frames.isEmpty() ? null : frames.get(0));
    }

    private static boolean startedByNotebook(Thread thread) {
        if (CellThreads.isWaiting(thread)) {
            return false;
        }
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
        List<String> frames = java.util.Arrays.stream(info.getStackTrace()).map(StackTraceElement::toString).toList();
        String at = where(frames);
        if (at != null) {
            json.addProperty("at", at);
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
