package concurrencylab.harness.process;

import concurrencylab.results.Durations;

/** Worker JVMs the pool started, and how long until they were all ready: reported apart from any run. */
public record WorkersStarted(int count, long nanos) {

    @Override
    public String toString() {
        return "started " + count + " worker JVM" + (count == 1 ? "" : "s") + " in " + Durations.format(nanos);
    }
}
