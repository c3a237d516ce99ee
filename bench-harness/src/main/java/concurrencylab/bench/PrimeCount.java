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

    /** Numbers are dealt to tasks in blocks of this many, round robin. */
    private static final int BLOCK = 10_000;

    /**
     * Task i takes blocks i, i + count, i + 2 count, ... Contiguous halves would be unequal work (large numbers
     * cost more divisions: about 40/60 below 4,000,000, so at most 1.67× on two cores), and taking every
     * count-th number would give one task all the even numbers, which are no work at all.
     */
    public static long count(int limit) {
        long primes = 0;
        for (long block = (long) Task.index() * BLOCK; block < limit; block += (long) Task.count() * BLOCK) {
            for (long n = Math.max(2, block); n < Math.min(limit, block + BLOCK); n++) {
                Task.checkpoint();
                if (isPrime(n)) {
                    primes++;
                }
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
