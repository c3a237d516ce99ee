package concurrencylab.harness;

import java.util.ArrayList;
import java.util.List;

/** Task bodies for the tests, as static no-argument methods so worker JVMs can call them by name too. */
public final class Workloads {

    private Workloads() {
    }

    /** Who ran this task: index/count@worker, after a pause long enough that every worker gets a task. */
    public static Object whoAmI() throws InterruptedException {
        Thread.sleep(40);
        return Task.index() + "/" + Task.count() + "@" + Task.worker();
    }

    public static Object index() {
        return Task.index();
    }

    public static Object failOnOne() {
        if (Task.index() == 1) {
            throw new ArithmeticException("task one divides by zero");
        }
        return Task.index();
    }

    public static Object notSerializableOnOne() {
        return Task.index() == 1 ? new Thread("not serializable") : Integer.valueOf(Task.index());
    }

    /** Task 1 kills its own worker JVM with SIGKILL, mid-task. */
    public static Object killWorkerOnOne() throws Exception {
        if (Task.index() == 1) {
            new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            Thread.sleep(10_000);
        }
        return Task.index();
    }

    /** Spins until interrupted, as snippet code does once JShell's stop check fires. */
    public static Object spinUntilInterrupted() {
        long spins = 0;
        while (!Thread.currentThread().isInterrupted()) {
            spins++;
        }
        return spins;
    }

    /** Spins for ever: only killing its JVM stops it. */
    public static Object spinForever() {
        long spins = 0;
        while (spins >= 0) {
            spins = (spins + 1) % Long.MAX_VALUE;
        }
        return spins;
    }

    /** Counts primes below {@code limit} by trial division, this task's share of the range. */
    public static long primes(int limit, boolean checkpoints) {
        long from = (long) Task.index() * limit / Task.count();
        long to = (long) (Task.index() + 1) * limit / Task.count();
        long count = 0;
        for (long n = Math.max(2, from); n < to; n++) {
            if (checkpoints) {
                Task.checkpoint();
            }
            boolean prime = true;
            for (long d = 2; d * d <= n; d++) {
                if (n % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    public static Object primesBelow2M() {
        return primes(2_000_000, true);
    }

    public static Object primesBelow4M() {
        return primes(4_000_000, true);
    }

    public static Object sleep200() throws InterruptedException {
        Task.sleep(200);
        return Task.index();
    }

    public static Object list() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i <= Task.index(); i++) {
            values.add(i);
        }
        return values;
    }
}
