package concurrencylab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.results.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class GilTest {

    private static RunOptions gil(int workers, int tasks, int intervalMillis) {
        return RunOptions.of(Mode.GIL).withWorkers(workers).withTasks(tasks).withGilInterval(intervalMillis);
    }

    @Test
    void cpuBoundThreadsTakeTurnsSoOnlyOneCoreIsBusy() throws Exception {
        RunResult result = Harness.execute(gil(2, 2, 5), null, Workloads::primesBelow2M);
        RunResult serial = Harness.execute(RunOptions.of(Mode.SERIAL).withTasks(2), null, Workloads::primesBelow2M);
        assertEquals(serial.results(), result.results());
        assertEquals(2, result.workersUsed());
        // both tasks ran interleaved: each one's span covers most of the run
        result.tasks().forEach(task -> assertTrue(task.wallNanos() > 0.6 * result.wallNanos(), result.summary()));
        assertTrue(taskParallelism(result) < 1.1, "GIL let threads run in parallel: " + result.summary());
    }

    @Test
    void sleepingThreadsReleaseTheLockAndOverlap() throws Exception {
        RunResult result = Harness.execute(gil(4, 4, 5), null, Workloads::sleep200);
        assertEquals(List.of(0, 1, 2, 3), result.results());
        // One after another they take 800 ms; overlapping, 200 ms: the margin is for a loaded machine.
        assertTrue(result.wallNanos() < 700_000_000L, "sleeps did not overlap: " + result.summary());
    }

    @Test
    void withoutCheckpointsATaskKeepsTheLockToItsEnd() throws Exception {
        RunResult result = Harness.execute(gil(2, 2, 1), null, () -> Workloads.primes(1_500_000, false));
        long longest = result.tasks().stream().mapToLong(task -> task.wallNanos()).max().orElseThrow();
        long shortest = result.tasks().stream().mapToLong(task -> task.wallNanos()).min().orElseThrow();
        // one task ran to its end while the other waited for the lock the whole time
        assertTrue(longest > 1.3 * shortest, result.summary());
        assertTrue(taskParallelism(result) < 1.1, result.summary());
    }

    /** CPU of the task threads over wall time: the JIT compiler's own threads do not count. */
    private static double taskParallelism(RunResult result) {
        return result.tasks().stream().mapToLong(task -> task.cpuNanos()).sum() / (double) result.wallNanos();
    }

    @Test
    void theSwitchIntervalMustBePositive() {
        try {
            new Gil(0);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("at least 1 ms"));
            return;
        }
        throw new AssertionError("accepted a zero interval");
    }
}
