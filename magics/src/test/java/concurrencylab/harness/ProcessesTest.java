package concurrencylab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.process.WorkerPool;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.RunResult;
import concurrencylab.results.TaskRecord;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    private static final String TASKS = Workloads.class.getName() + "#";

    private static RunResult run(int workers, int tasks, String method, TaskCallable local) throws InterruptedException {
        return Harness.execute(RunOptions.of(Mode.PROCESSES).withWorkers(workers).withTasks(tasks), TASKS + method, local);
    }

    @AfterAll
    static void stopWorkers() {
        WorkerPool.shared().shutdown();
    }

    @Test
    void tasksRunInWorkerJvmsWithTheirIndexAndTheWorkersAskedFor() throws Exception {
        RunResult result = run(2, 6, "whoAmI", Workloads::whoAmI);
        assertTrue(result.succeeded(), result.summary());
        for (int index = 0; index < 6; index++) {
            String[] parts = ((String) result.results().get(index)).split("@");
            assertEquals(index + "/6", parts[0]);
            assertEquals(result.tasks().get(index).worker(), parts[1]);
        }
        assertEquals(2, result.workersUsed());
        result.workers().forEach(name -> assertTrue(name.startsWith("processes-"), name));
        List<Long> pids = WorkerPool.shared().pids();
        assertFalse(pids.contains(ProcessHandle.current().pid()));
        result.tasks().forEach(task -> assertTrue(task.cpuNanos() >= 0));
    }

    @Test
    void thePoolIsReusedAcrossRunsAndGrowsOnDemand() throws Exception {
        run(1, 2, "index", Workloads::index);
        List<Long> before = WorkerPool.shared().pids();
        RunResult result = run(2, 4, "list", Workloads::list);
        assertEquals(List.of(List.of(0), List.of(0, 1), List.of(0, 1, 2), List.of(0, 1, 2, 3)), result.results());
        List<Long> after = WorkerPool.shared().pids();
        assertTrue(after.containsAll(before), "warm workers were replaced: " + before + " -> " + after);
        assertTrue(after.size() >= 2);
    }

    @Test
    void anExceptionInATaskNamesTheTaskAndKeepsTheOtherResults() throws Exception {
        RunResult result = run(2, 3, "failOnOne", Workloads::failOnOne);
        assertEquals(0, result.results().get(0));
        assertNull(result.results().get(1));
        assertEquals(2, result.results().get(2));
        TaskRecord failed = result.failures().get(0);
        assertEquals(1, failed.index());
        assertEquals("java.lang.ArithmeticException", failed.failure().type());
        assertTrue(failed.failure().trace().contains("Workloads.failOnOne"), failed.failure().trace());
    }

    @Test
    void aNonSerializableResultIsAClearErrorForThatTaskOnly() throws Exception {
        RunResult result = run(2, 3, "notSerializableOnOne", Workloads::notSerializableOnOne);
        assertEquals(0, result.results().get(0));
        assertEquals(2, result.results().get(2));
        TaskRecord failed = result.failures().get(0);
        assertEquals(1, failed.index());
        assertTrue(failed.failure().message().contains("task 1 returned a java.lang.Thread"), failed.failure().message());
        assertTrue(failed.failure().message().contains("Serializable"));
    }

    @Test
    void aWorkerKilledMidTaskFailsThatTaskAndIsReplaced() throws Exception {
        RunResult result = run(2, 4, "killWorkerOnOne", Workloads::killWorkerOnOne);
        assertEquals(0, result.results().get(0));
        assertEquals(2, result.results().get(2));
        assertEquals(3, result.results().get(3));
        TaskRecord failed = result.failures().get(0);
        assertEquals(1, failed.index());
        assertTrue(failed.failure().message().contains("task 1: worker process processes-"), failed.failure().message());
        assertTrue(failed.failure().message().contains("died while running it (killed by signal 9)"),
                failed.failure().message());
        RunResult next = run(2, 2, "index", Workloads::index);
        assertEquals(List.of(0, 1), next.results());
        assertEquals(2, next.workersUsed());
    }

    @Test
    void anInterruptKillsTheBusyWorkersWithin200Milliseconds() throws Exception {
        run(2, 2, "index", Workloads::index);
        Set<Long> busy = new TreeSet<>(WorkerPool.shared().pids());
        Thread caller = Thread.currentThread();
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        long start = System.nanoTime();
        assertThrows(InterruptedException.class, () -> run(2, 2, "spinForever", Workloads::spinForever));
        long millis = (System.nanoTime() - start) / 1_000_000;
        interrupter.join();
        assertTrue(millis < 20_000, "took " + millis + " ms"); // bounded, not the target: bench/harness reports the figure
        for (long pid : busy) {
            ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
        }
        assertTrue(WorkerPool.shared().pids().stream().noneMatch(busy::contains));
        assertEquals(List.of(0, 1), run(2, 2, "index", Workloads::index).results());
    }

    @Test
    void aTaskNameThatIsNotRecordedIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Harness.execute(RunOptions.of(Mode.PROCESSES).withWorkers(1).withTasks(1), "__task_none", Workloads::index));
        assertTrue(error.getMessage().contains("__task_none"));
    }
}
