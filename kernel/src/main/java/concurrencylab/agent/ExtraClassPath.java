package concurrencylab.agent;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Inside the runtime JVM: the jars and class folders {@code %classpath add} gave the notebook, as the
 * execution engine received them. Worker JVMs of {@code %%processes} are started with them on their
 * class path, and {@code %%cluster} ships their bytes to its members, so snippet classes that use them load
 * there too.
 */
public final class ExtraClassPath {

    private static final List<String> ENTRIES = new CopyOnWriteArrayList<>();

    private ExtraClassPath() {
    }

    /**
     * Adds the entries of a class path string (one path, or several joined by the path separator). Public for
     * the execution engines of tests, which stand in for {@link RuntimeExecutionControl}.
     */
    public static void add(String classPath) {
        Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !ENTRIES.contains(entry))
                .forEach(ENTRIES::add);
    }

    /** The entries added so far, in order. */
    public static List<String> entries() {
        return List.copyOf(ENTRIES);
    }
}
