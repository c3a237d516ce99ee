package concurrencylab.agent;

import java.util.function.Function;

/**
 * The runtime JVM's system class loader ({@code -Djava.system.class.loader}): the application loader,
 * plus the notebook's own classes by name.
 *
 * <p>Why: JShell weaves stop checks into snippet bytecode with the JDK's class-file API, whose default
 * class hierarchy resolver asks the system class loader about every class in a stack map. Notebook
 * classes live in JShell's loader, so a method mixing two of them in one frame (a {@code try} around
 * {@code b = flag ? new Big() : new Box()}) failed to load (JDK-8366926) and took the runtime down.
 */
public final class NotebookSystemClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static volatile Function<String, Class<?>> snippets = name -> null;
    /** The lookup may ask JShell's loader, whose parent is this loader: never re-enter it. */
    private static final ThreadLocal<Boolean> LOOKING_UP = ThreadLocal.withInitial(() -> false);

    public NotebookSystemClassLoader(ClassLoader parent) {
        super(parent);
    }

    /** Where notebook classes are found; the runtime's execution control registers itself. */
    static void findSnippetClassesWith(Function<String, Class<?>> lookup) {
        snippets = lookup;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!LOOKING_UP.get() && name.startsWith("REPL.")) {
            LOOKING_UP.set(true);
            try {
                Class<?> found = snippets.apply(name);
                if (found != null) {
                    return found;
                }
            } finally {
                LOOKING_UP.set(false);
            }
        }
        throw new ClassNotFoundException(name);
    }
}
