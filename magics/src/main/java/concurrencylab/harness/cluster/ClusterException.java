package concurrencylab.harness.cluster;

/**
 * Something about the cluster the user must fix (none joined, a member out of reach, too few members). Its
 * message is the whole story, so it carries no stack trace.
 */
public final class ClusterException extends RuntimeException {

    ClusterException(String message) {
        super(message, null, false, false);
    }
}
