package concurrencylab.harness;

import concurrencylab.display.Display;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shows values in the notebook from the harness, through the runtime's display API
 * ({@link Display}). Tests install their own {@link Sink} to see the values themselves.
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

    /** The notebook's display API (outside a notebook it prints text). */
    private static Sink runtimeSink() {
        return new Sink() {
            @Override
            public String display(Object value) {
                return Display.display(value);
            }

            @Override
            public void update(String displayId, Object value) {
                if (displayId == null) {
                    Display.display(value);
                } else {
                    Display.updateDisplay(displayId, value);
                }
            }
        };
    }
}
