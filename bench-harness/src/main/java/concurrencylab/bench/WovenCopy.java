package concurrencylab.bench;

import concurrencylab.harness.gil.GilWeaver;
import concurrencylab.harness.task.TaskCallable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A copy of one class woven as the runtime weaves notebook classes ({@link GilWeaver}), in a class loader of its
 * own that leaves every other class to its parent: benchmarks run the harness outside JShell, yet their task
 * bodies must meet {@code %%gil} as notebook code does.
 */
final class WovenCopy extends ClassLoader {

    private WovenCopy(ClassLoader parent) {
        super(parent);
    }

    static Class<?> of(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        }
        byte[] woven = new GilWeaver().weave(type.getName(), bytes);
        WovenCopy loader = new WovenCopy(type.getClassLoader());
        return loader.defineClass(type.getName(), woven, 0, woven.length);
    }

    /** A static no-argument method of the woven class as a task body. */
    static TaskCallable task(Class<?> woven, String method) throws NoSuchMethodException {
        Method target = woven.getMethod(method);
        return () -> {
            try {
                return target.invoke(null);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }
}
