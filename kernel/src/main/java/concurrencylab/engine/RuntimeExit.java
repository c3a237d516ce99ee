package concurrencylab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a runtime JVM ended, in the words a cell shows. The JVM says "out of memory" itself: it is started
 * with {@link #markerOption()}, which makes it create a marker file named after its pid when an
 * OutOfMemoryError is thrown, before {@code -XX:+ExitOnOutOfMemoryError} ends it with code 3. So code 3
 * with the marker is running out of memory, and code 3 without it is what it says, {@code System.exit(3)}.
 */
public final class RuntimeExit {

    private static final String MARKER_PREFIX = "out-of-memory-";
    private static Path markers;

    private RuntimeExit() {
    }

    /**
     * {@code -XX:OnOutOfMemoryError=...}: a command the JVM runs (through {@code /bin/sh}) on its first
     * OutOfMemoryError, before it exits; {@code %p} is its pid. Null when no private folder for the markers
     * can be made, or its path would need quoting the JVM's command splitting does not allow.
     */
    static synchronized String markerOption() {
        try {
            if (markers == null) {
                markers = Files.createTempDirectory("concurrency-lab-runtime-"); // readable by its owner only
                markers.toFile().deleteOnExit();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String path = markers.resolve(MARKER_PREFIX).toString();
        if (path.contains("'") || path.contains(";") || path.contains("%")) {
            return null;
        }
        return "-XX:OnOutOfMemoryError=touch '" + path + "%p'";
    }

    /** True when the runtime with this pid marked an OutOfMemoryError (the marker is removed). */
    static synchronized boolean ranOutOfMemory(long pid) {
        if (markers == null) {
            return false;
        }
        try {
            return Files.deleteIfExists(markers.resolve(MARKER_PREFIX + pid));
        } catch (IOException e) {
            return false;
        }
    }

    /** Why the process ended, for "Runtime restarted: the runtime JVM ended ... (WHY)". */
    public static String describe(Process process) {
        if (process.isAlive()) {
            return "it stopped answering";
        }
        int code = process.exitValue();
        if (ranOutOfMemory(process.pid())) {
            return "it ran out of memory; the runtime's heap is 1 GiB by default: for more, start Jupyter with "
                    + RuntimeLauncher.OPTIONS_VARIABLE + "=-Xmx4g, say";
        }
        if (code == 0) {
            return "System.exit(0) was called";
        }
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
    }
}
