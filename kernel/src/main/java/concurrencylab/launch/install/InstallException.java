package concurrencylab.launch.install;

/** An install or uninstall that cannot be done; the message names the problem and the fix in one line. */
public final class InstallException extends RuntimeException {

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
