package concurrencylab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.gil.Gil;
import concurrencylab.harness.gil.GilPolicy;
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
        // both tasks ran interleaved (each needs many turns of 5 ms): their spans overlap, whatever the load
        var a = result.tasks().get(0);
        var b = result.tasks().get(1);
        assertTrue(a.startNanos() < b.startNanos() + b.wallNanos() && b.startNanos() < a.startNanos() + a.wallNanos(),
                "the tasks took turns: " + result.summary());
        assertTrue(taskParallelism(result) < 1.1, "GIL let threads run in parallel: " + result.summary());
    }

    @Test
    void sleepingThreadsReleaseTheLockAndOverlap() throws Exception {
        RunResult result = Harness.execute(gil(4, 4, 5), null, Workloads::sleep200);
        assertEquals(List.of(0, 1, 2, 3), result.results());
        // Sleeping releases the lock: every task started before any ended (one after another, none would).
        long lastStart = result.tasks().stream().mapToLong(task -> task.startNanos()).max().orElseThrow();
        long firstEnd = result.tasks().stream().mapToLong(task -> task.startNanos() + task.wallNanos()).min().orElseThrow();
        assertTrue(lastStart < firstEnd, "sleeps did not overlap: " + result.summary());
    }

    @Test
    void codeThatIsNotWovenAndHasNoCheckpointKeepsTheLockToItsEnd() throws Exception {
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
            new Gil(GilPolicy.NEW, 0, 100, System.nanoTime());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("at least 1 ms"));
            return;
        }
        throw new AssertionError("accepted a zero interval");
    }
}
