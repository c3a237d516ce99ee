package concurrencylab.report;

import java.lang.reflect.Method;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shows values in the notebook from the runtime JVM: the runtime's display API
 * ({@code concurrencylab.display.Display}: {@code display(Object)} and {@code updateDisplay(String, Object)})
 * when it is on the class path, else plain text on standard output. Tests install their own {@link Sink}.
 */
public final class Displays {

    /** Where displays go. */
    public interface Sink {
        /** Shows a value; returns an id by which it can be replaced later. */
        String display(Object value);

        /** Replaces what {@link #display} showed under {@code displayId}. */
        void update(String displayId, Object value);
    }

    private static final AtomicReference<Sink> SINK = new AtomicReference<>();

    private Displays() {
    }

    public static String display(Object value) {
        return sink().display(value);
    }

    public static void update(String displayId, Object value) {
        sink().update(displayId, value);
    }

    /** Replaces the sink (null restores the default); returns the previous one. */
    public static Sink use(Sink sink) {
        return SINK.getAndSet(sink);
    }

    private static Sink sink() {
        Sink sink = SINK.get();
        if (sink == null) {
            SINK.compareAndSet(null, runtimeSink());
            sink = SINK.get();
        }
        return sink;
    }

    private static Sink runtimeSink() {
        try {
            Class<?> api = Class.forName("concurrencylab.display.Display");
            Method display = api.getMethod("display", Object.class);
            Method update = api.getMethod("updateDisplay", String.class, Object.class);
            return new Sink() {
                @Override
                public String display(Object value) {
                    Object id = invoke(display, value);
                    return id instanceof String text ? text : null;
                }

                @Override
                public void update(String displayId, Object value) {
                    if (displayId == null) {
                        invoke(display, value);
                    } else {
                        invoke(update, displayId, value);
                    }
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return new PrintingSink();
        }
    }

    private static Object invoke(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the display API failed: " + e.getCause(), e.getCause());
        }
    }

    /** Outside a notebook: every display and update is printed as text. */
    static final class PrintingSink implements Sink {
        @Override
        public String display(Object value) {
            System.out.println(value);
            return UUID.randomUUID().toString();
        }

        @Override
        public void update(String displayId, Object value) {
            System.out.println(value);
        }
    }
}
