package concurrencylab.results;

/**
 * One task of a run: where it ran, when it started (nanoseconds after the run started), how long it took in
 * wall and CPU time (CPU -1 when the JVM cannot tell, as for virtual threads), and its result or failure.
 */
public record TaskRecord(int index, String worker, long startNanos, long wallNanos, long cpuNanos,
                         Object result, TaskFailure failure) {

    public boolean failed() {
        return failure != null;
    }

    public long endNanos() {
        return startNanos + wallNanos;
    }
}
