package concurrencylab.agent.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The notebook's scratch folder: one owner-only (0700) directory per kernel, named to every program the notebook
 * runs by the environment variable {@value #VARIABLE} — the runtime JVM (and the worker JVMs and cluster members
 * it forks), {@code %%bash} and {@code %%python} cells. Files that Java cells and CPython cells hand to each other
 * go there instead of a fixed name in the shared {@code /tmp}, where another user of a shared machine could read
 * them, or take the name first and break the notebook. The kernel removes it when it exits.
 */
public final class Scratch {

    public static final String VARIABLE = "CONCURRENCY_LAB_SCRATCH";

    private static Path directory;

    private Scratch() {
    }

    /** This kernel's scratch folder, created at the first call. */
    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path created = OwnerOnly.createDirectory("concurrency-lab-scratch");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> OwnerOnly.deleteTree(created), "scratch-cleanup"));
                directory = created;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the notebook's scratch folder", e);
            }
        }
        return directory;
    }
}
