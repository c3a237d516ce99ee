package concurrencylab.bench;

import concurrencylab.harness.Harness;
import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.harness.Task;
import concurrencylab.harness.cluster.NotebookCluster;
import concurrencylab.results.RunResult;
import concurrencylab.results.TaskRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's part of the harness benchmark, on two members forked on this machine: what losing a member
 * costs, from the kill to its task starting again on the other member (detection included).
 */
final class ClusterBench {

    private static final long SHORT_TASK_MILLIS = 200, LONG_TASK_MILLIS = 5_000, PATIENCE_MILLIS = 60_000;

    private ClusterBench() {
    }

    static String start() throws InterruptedException {
        return NotebookCluster.start(2, null);
    }

    /** Where a member's task says it started: a folder named after the benchmark's pid, the members' parent. */
    private static Path markers(long benchPid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "concurrency-lab-bench-" + benchPid);
    }

    /** Task method on a member: task 0 is short, task 1 long and says which member runs it. */
    public static Object shortAndLong() throws Exception {
        if (Task.index() == 1) {
            long bench = ProcessHandle.current().parent().orElseThrow().pid();
            Files.writeString(markers(bench).resolve("long-task-" + System.nanoTime()), Task.worker());
            Thread.sleep(LONG_TASK_MILLIS);
        } else {
            Thread.sleep(SHORT_TASK_MILLIS);
        }
        return Task.index();
    }

    /** Kills the member running the long task once it started; prints how long until the task started again. */
    static void memberLoss() throws Exception {
        Path markers = markers(ProcessHandle.current().pid());
        Files.createDirectories(markers, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        long[] killedAt = {0};
        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
                while (System.nanoTime() < deadline) {
                    try (var files = Files.list(markers)) {
                        Path marker = files.findFirst().orElse(null);
                        if (marker != null) {
                            Long pid = NotebookCluster.startedMembers().get(Files.readString(marker).strip());
                            killedAt[0] = System.nanoTime();
                            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                            return;
                        }
                    }
                    Thread.sleep(10); // the task marks its start with a file
                }
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long runStart = System.nanoTime();
        RunResult result = Harness.execute(RunOptions.of(Mode.CLUSTER).withWorkers(2).withTasks(2),
                ClusterBench.class.getName() + "#shortAndLong", ClusterBench::shortAndLong);
        killer.join();
        try (var files = Files.list(markers)) {
            for (Path marker : files.toList()) {
                Files.delete(marker);
            }
        }
        Files.delete(markers);
        TaskRecord rerun = result.tasks().get(1);
        if (!result.succeeded() || killedAt[0] == 0) {
            System.out.println("  member loss: not measured (" + result.summary() + ")");
            return;
        }
        double toRestart = (runStart + rerun.startNanos() - killedAt[0]) / 1e6;
        System.out.printf(Locale.ROOT, "  member killed during a task: detected and the task started again on %s %.0f ms"
                + " after the kill%n", rerun.worker(), toRestart);
    }

    static void stop() {
        NotebookCluster.stop();
    }
}
