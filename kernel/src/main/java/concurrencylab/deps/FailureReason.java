package concurrencylab.deps;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.transfer.RepositoryOfflineException;
import org.eclipse.aether.transfer.TransferCancelledException;

/** Why an artifact could not be had, in a few words a student can act on, from the resolver's exception chain. */
final class FailureReason {

    private FailureReason() {
    }

    /** The reason among several (one per repository tried): a corrupt or unreachable one tells more than "not found". */
    static String of(java.util.List<? extends Throwable> failures) {
        java.util.List<String> notFoundIn = new java.util.ArrayList<>();
        for (Throwable failure : failures) {
            String reason = of(failure);
            if (!reason.startsWith(NOT_FOUND)) {
                return reason;
            }
            String where = reason.substring(NOT_FOUND.length(), reason.indexOf(NOT_FOUND_ADVICE));
            if (!notFoundIn.contains(where)) {
                notFoundIn.add(where);
            }
        }
        return notFoundIn.isEmpty() ? "not resolved" : NOT_FOUND + String.join(", ", notFoundIn) + NOT_FOUND_ADVICE;
    }

    private static final String NOT_FOUND = "not found in ";
    private static final String NOT_FOUND_ADVICE = ": check the coordinates, or add its repository with %mavenRepo";

    static String of(Throwable failure) {
        RemoteRepository repository = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArtifactTransferException transfer && transfer.getRepository() != null) {
                repository = transfer.getRepository();
            }
            if (cause instanceof TransferCancelledException) {
                return "download stopped by the interrupt";
            }
            if (cause instanceof RepositoryOfflineException) {
                return "offline (the Maven settings say so) and not in the local repository";
            }
            if (cause instanceof ChecksumFailureException checksum) {
                return "checksum mismatch" + from(repository) + " (" + firstLine(checksum.getMessage())
                        + "): the download is corrupt or was tampered with";
            }
            if (cause instanceof UnknownHostException || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return "repository unreachable" + from(repository) + " (" + cause.getClass().getSimpleName() + ": "
                        + firstLine(cause.getMessage()) + ")";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArtifactNotFoundException notFound) {
                if (notFound.getMessage() != null && notFound.getMessage().contains("offline mode")) {
                    return "offline (the Maven settings say so) and not in the local repository";
                }
                return NOT_FOUND + (notFound.getRepository() != null ? where(notFound.getRepository()) : "the local repository")
                        + NOT_FOUND_ADVICE;
            }
        }
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return firstLine(deepest.getMessage() != null ? deepest.getMessage() : deepest.toString());
    }

    private static String from(RemoteRepository repository) {
        return repository == null ? "" : " from " + where(repository);
    }

    static String where(RemoteRepository repository) {
        return repository.getId() + " (" + repository.getUrl() + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
