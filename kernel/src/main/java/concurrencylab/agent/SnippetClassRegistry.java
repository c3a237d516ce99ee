package concurrencylab.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inside the runtime JVM: the bytecode of every class JShell loaded for the notebook's snippets,
 * as the execution engine received it. Worker JVMs of {@code %%processes} are given a snapshot, so
 * methods, classes and records defined in earlier cells run there too, much as after a fork.
 */
public final class SnippetClassRegistry {

    private static final Map<String, byte[]> CLASSES = new ConcurrentHashMap<>();

    private SnippetClassRegistry() {
    }

    /** Records (or replaces, after a redefinition) one class by its binary name. */
    public static void record(String binaryName, byte[] bytecode) {
        CLASSES.put(binaryName, bytecode.clone());
    }

    /** A copy of all classes recorded so far, keyed by binary name. */
    public static Map<String, byte[]> snapshot() {
        return Map.copyOf(CLASSES);
    }
}
