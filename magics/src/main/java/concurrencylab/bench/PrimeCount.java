package concurrencylab.bench;

import concurrencylab.harness.Task;

/** The lecture's workload: primes below a limit by trial division, this task's share of the range. */
public final class PrimeCount {

    public static final int LIMIT = 4_000_000;

    private PrimeCount() {
    }

    /** Task method for worker JVMs: the share of primes below {@link #LIMIT}. */
    public static Object share() {
        return count(LIMIT);
    }

    public static Object nothing() {
        return null;
    }

    public static long count(int limit) {
        long from = (long) Task.index() * limit / Task.count();
        long to = (long) (Task.index() + 1) * limit / Task.count();
        long primes = 0;
        for (long n = Math.max(2, from); n < to; n++) {
            Task.checkpoint();
            if (isPrime(n)) {
                primes++;
            }
        }
        return primes;
    }

    private static boolean isPrime(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
