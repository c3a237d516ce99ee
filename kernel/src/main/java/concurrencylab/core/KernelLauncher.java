package concurrencylab.core;

import java.nio.file.Path;

/** Placeholder entry point of the kernel; replaced by the real launcher. */
public final class KernelLauncher {

    private KernelLauncher() {
    }

    /** Runs the kernel described by {@code connectionFile} until shutdown; returns the process exit code. */
    public static int run(Path connectionFile) {
        System.err.println("concurrency-lab: the kernel is not built into this jar yet");
        return 1;
    }
}
