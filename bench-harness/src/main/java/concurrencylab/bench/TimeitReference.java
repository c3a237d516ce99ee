package concurrencylab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The expressions {@link TimeitVsJmh} times, as JMH benchmarks (JMH consumes each returned value in its
 * Blackhole). Inputs come from fields, so neither JMH nor {@code %timeit} can fold them into constants.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimeitReference {

    /** The inputs, also read by the {@code %timeit} side. */
    static volatile double root = 2.0;
    static volatile long number = 1_234_567_890L;
    static volatile int limit = 2_000;

    public double x = root;
    public long n = number;
    public int primesLimit = limit;

    @Benchmark
    public double sqrt() {
        return Math.sqrt(x);
    }

    @Benchmark
    public String longToString() {
        return Long.toString(n);
    }

    @Benchmark
    public long primesBelow2000() {
        return primesBelow(primesLimit);
    }

    static long primesBelow(int limit) {
        long count = 0;
        for (long candidate = 2; candidate < limit; candidate++) {
            boolean prime = true;
            for (long d = 2; d * d <= candidate; d++) {
                if (candidate % d == 0) {
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
}
