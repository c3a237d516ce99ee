package concurrencylab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LocalExecutorsTest {

    private static RunResult run(RunOptions options, TaskCallable body) throws InterruptedException {
        return Harness.execute(options, null, body);
    }

    private static RunResult run(Mode mode, int workers, int tasks, TaskCallable body) throws InterruptedException {
        return run(RunOptions.of(mode).withWorkers(workers).withTasks(tasks), body);
    }

    private static void assertCoversEveryIndex(RunResult result, int tasks) {
        List<String> expected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int index = 0; index < tasks; index++) {
            expected.add(index + "/" + tasks);
            seen.add(((String) result.results().get(index)).split("@")[0]);
        }
        assertEquals(expected, seen);
    }

    @Test
    void aBodyThatReturnsNothingShowsItsRunWithoutAListOfNulls() throws Exception {
        RunResult result = run(Mode.THREADS, 4, 16, () -> null);
        assertTrue(result.succeeded(), result.summary());
        assertTrue(result.summary().contains("task 15 on threads-"), result.summary());
        assertTrue(!result.summary().contains("Result") && !result.summary().contains("null"), result.summary());
    }

    @Test
    void serialRunsEveryTaskOnOneThreadNamedAfterTheMode() throws Exception {
        RunResult result = run(Mode.SERIAL, 4, 3, Workloads::whoAmI);
        assertCoversEveryIndex(result, 3);
        assertEquals(Set.of("serial-1"), result.workers());
        assertEquals(1, result.requestedWorkers());
    }

    @Test
    void threadsUseExactlyTheWorkersAskedFor() throws Exception {
        RunResult result = run(Mode.THREADS, 2, 6, Workloads::whoAmI);
        assertCoversEveryIndex(result, 6);
        assertEquals(new TreeSet<>(Set.of("threads-1", "threads-2")), new TreeSet<>(result.workers()));
        assertTrue(result.succeeded());
    }

    @Test
    void virtualRunsOneVirtualThreadPerTask() throws Exception {
        RunResult result = run(RunOptions.of(Mode.VIRTUAL).withTasks(5), () -> {
            Thread.sleep(20);
            return Task.index() + "/" + Task.count() + "@" + Task.worker() + (Thread.currentThread().isVirtual() ? "" : "!");
        });
        assertCoversEveryIndex(result, 5);
        assertEquals(5, result.workersUsed());
        result.workers().forEach(name -> assertTrue(name.startsWith("virtual-"), name));
        result.tasks().forEach(task -> assertEquals(-1, task.cpuNanos(), "virtual threads have no CPU clock"));
    }

    @Test
    void coroutinesIsVirtualUnderItsOwnName() throws Exception {
        RunResult result = run(RunOptions.of(Mode.COROUTINES).withTasks(2), () -> Thread.currentThread().isVirtual());
        assertEquals(List.of(true, true), result.results());
        result.workers().forEach(name -> assertTrue(name.startsWith("coroutines-"), name));
    }

    @Test
    void defaultsAreOneWorkerPerProcessorAndOneTaskPerWorker() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        RunResult result = run(RunOptions.of(Mode.THREADS), Workloads::whoAmI);
        assertEquals(cores, result.tasks().size());
        assertEquals(cores, result.requestedWorkers());
    }

    @Test
    void aFailingTaskIsReportedByIndexWhileTheOthersKeepTheirResults() throws Exception {
        RunResult result = run(Mode.THREADS, 2, 3, Workloads::failOnOne);
        assertEquals(1, result.failures().size());
        assertEquals(1, result.failures().get(0).index());
        assertTrue(result.failures().get(0).failure().describe().contains("task one divides by zero"));
        assertEquals(0, result.results().get(0));
        assertNull(result.results().get(1));
        assertEquals(2, result.results().get(2));
        assertTrue(result.summary().contains("task 1 on threads-"), result.summary());
        assertTrue(result.summary().contains("FAILED: java.lang.ArithmeticException"), result.summary());
    }

    @Test
    void outsideATaskTheBodyIsTaskZeroOfOne() {
        assertEquals(0, Task.index());
        assertEquals(1, Task.count());
    }

    @Test
    void cpuTimeOfBusyThreadsAddsUp() throws Exception {
        RunResult result = run(Mode.THREADS, 2, 2, () -> Workloads.primes(1_500_000, false));
        result.tasks().forEach(task -> assertTrue(task.cpuNanos() > 0));
        long taskCpu = result.tasks().stream().mapToLong(task -> task.cpuNanos()).sum();
        assertTrue(result.cpuNanos() >= taskCpu, "the run's CPU covers every task's: " + result.summary());
        assertEquals(result.cpuNanos() / (double) result.wallNanos(), result.parallelism(), 1e-9);
    }

    @Test
    void anInterruptStopsEveryThreadTaskQuickly() throws Exception {
        for (Mode mode : List.of(Mode.THREADS, Mode.VIRTUAL, Mode.GIL)) {
            Thread caller = Thread.currentThread();
            Thread interrupter = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                caller.interrupt();
            });
            long start = System.nanoTime();
            boolean interrupted = false;
            try {
                run(mode, 2, 4, Workloads::spinUntilInterrupted);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            interrupter.join();
            assertTrue(interrupted, mode.label());
            assertTrue(millis < 300 + 10_000, mode + " took " + millis + " ms"); // bounded, not the target: bench/harness reports the figure
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("threads-") && thread.isAlive()
                        && thread.getState() == Thread.State.RUNNABLE), "no pool thread keeps spinning");
    }
}
