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

    /**
     * Task i takes every count-th number from 2 + i. Contiguous halves would be unequal work (large numbers
     * cost more divisions: about 40/60 for two halves below 4,000,000, so at most 1.67× on two cores).
     */
    public static long count(int limit) {
        long primes = 0;
        for (long n = 2 + Task.index(); n < limit; n += Task.count()) {
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
