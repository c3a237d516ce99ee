package concurrencylab.harness.cluster;

import concurrencylab.results.TaskFailure;
import java.io.Serializable;

/**
 * A finished task as it comes back from a member: its result serialized (read in the notebook's classes) or
 * why it failed, when it started on the member's wall clock, and its wall and CPU time.
 */
record TaskOutcome(int index, String member, long startEpochNanos, long wallNanos, long cpuNanos, byte[] result,
                   TaskFailure failure) implements Serializable {
}
