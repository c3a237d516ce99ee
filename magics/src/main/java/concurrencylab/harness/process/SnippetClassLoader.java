package concurrencylab.harness.process;

import java.util.Map;

/** In a worker JVM: defines the notebook's snippet classes from the bytes the runtime recorded. */
public final class SnippetClassLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    public SnippetClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("snippets", parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = classes.get(name);
        if (bytecode == null) {
            throw new ClassNotFoundException(name + " is neither a snippet class nor on the worker's class path");
        }
        return defineClass(name, bytecode, 0, bytecode.length);
    }
}
