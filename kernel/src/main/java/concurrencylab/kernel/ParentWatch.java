package concurrencylab.kernel;

import java.util.Optional;

/**
 * A kernel whose Jupyter server or client was killed would run on, holding its ports and a runtime JVM.
 * jupyter_client names the process that started the kernel in {@code JPY_PARENT_PID} (ipykernel watches
 * it the same way); when that process ends, so does the kernel.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void onParentExit(Runnable action) {
        parent().ifPresent(process -> process.onExit().thenRun(action));
    }

    private static Optional<ProcessHandle> parent() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || pid.isBlank()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
