package concurrencylab.harness.process;

import java.io.ObjectInputFilter;
import java.util.HashSet;
import java.util.Set;

/**
 * What the pool and its workers deserialize, by allow-list: classes not named here are rejected before
 * they are instantiated, so a forged message cannot make either side build objects of its choosing (the
 * gadget chains of libraries on the class path, proxies, lambdas).
 */
final class SerialFilters {

    /** Java packages whose value and collection classes may come back as task results. */
    private static final Set<String> JDK_VALUE_PACKAGES = Set.of("java.lang", "java.math", "java.time",
            "java.time.chrono", "java.util", "java.util.concurrent", "java.util.concurrent.atomic");
    private static final long MAX_DEPTH = 1_000;

    /** The messages between pool and workers: their records, strings, class bytes and the map they come in. */
    static final ObjectInputFilter MESSAGES = allowing(type -> type.getName().startsWith(WorkerMessage.class.getName() + "$")
            || type == String.class || type == java.util.TreeMap.class || type == java.util.HashMap.class);

    private SerialFilters() {
    }

    /**
     * Task results: the notebook's own classes (those of {@code cellLoader}, the loader of the cell's code,
     * and of its parents below the loader of this library, so classes of %classpath jars too), enums, and
     * the value and collection classes of {@code java.lang}, {@code java.math}, {@code java.time} and
     * {@code java.util}. Nothing of the libraries on the runtime's own class path, nothing of
     * {@code java.lang.invoke} or {@code java.lang.reflect}.
     */
    static ObjectInputFilter results(ClassLoader cellLoader) {
        Set<ClassLoader> notebook = new HashSet<>();
        Set<ClassLoader> library = new HashSet<>();
        for (ClassLoader l = SerialFilters.class.getClassLoader(); l != null; l = l.getParent()) {
            library.add(l);
        }
        for (ClassLoader l = cellLoader; l != null && (notebook.isEmpty() || !library.contains(l)); l = l.getParent()) {
            notebook.add(l);
        }
        Module base = Object.class.getModule();
        return allowing(type -> notebook.contains(type.getClassLoader())
                || type.isEnum()
                || type.getModule() == base && JDK_VALUE_PACKAGES.contains(type.getPackageName()));
    }

    private interface Allowed {
        boolean test(Class<?> type);
    }

    private static ObjectInputFilter allowing(Allowed allowed) {
        return info -> {
            if (info.depth() > MAX_DEPTH) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return ObjectInputFilter.Status.ALLOWED; // a reference or a limit check; sizes are bounded by the frame
            }
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (type.isPrimitive() || allowed.test(type)) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            return ObjectInputFilter.Status.REJECTED;
        };
    }
}
