package concurrencylab.bench;

import concurrencylab.harness.Task;

/**
 * The GIL benchmark's task bodies, written as a notebook would write them: no checkpoints, plain blocking
 * calls. {@link GilBench} loads a copy woven as the runtime weaves notebook classes, so {@code %%gil} can
 * pre-empt them here exactly as in a notebook.
 */
public final class GilWorkloads {

    /** Primes below this in the CPU-bound comparison: about a second of work on one core. */
    public static final int LIMIT = 3_000_000;

    private GilWorkloads() {
    }

    /** This task's share of the primes below {@link #LIMIT}, in blocks dealt round robin (equal work). */
    public static Object cpuShare() {
        long primes = 0;
        for (long block = (long) Task.index() * BLOCK; block < LIMIT; block += (long) Task.count() * BLOCK) {
            for (long n = Math.max(2, block); n < Math.min(LIMIT, block + BLOCK); n++) {
                if (isPrime(n)) {
                    primes++;
                }
            }
        }
        return primes;
    }

    private static final int BLOCK = 10_000;

    private static boolean isPrime(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** The I/O-bound thread alone: answers every request of the run's {@link ConvoyChannel}. */
    public static Object respondAlone() throws InterruptedException {
        return respond(ConvoyChannel.current());
    }

    /** Task 0 answers the requests; task 1 counts primes until it has answered them all. */
    public static Object respondBesideCpu() throws InterruptedException {
        ConvoyChannel channel = ConvoyChannel.current();
        return Task.index() == 0 ? respond(channel) : burnUntilDone(channel);
    }

    private static Object respond(ConvoyChannel channel) throws InterruptedException {
        for (int request = 0; request < channel.requests(); request++) {
            long sent = channel.inbox().take();
            channel.answered(System.nanoTime() - sent);
        }
        channel.finish();
        return channel.requests();
    }

    private static Object burnUntilDone(ConvoyChannel channel) {
        long primes = 0;
        for (long n = 2; !channel.finished(); n++) {
            if (isPrime(n)) {
                primes++;
            }
        }
        return primes;
    }
}
