package concurrencylab.display;

import com.google.gson.JsonObject;
import java.util.UUID;

/**
 * Rich output for notebook code; imported statically into every notebook.
 * {@code display(obj)} shows a value now (also from other threads) and returns an id that
 * {@code updateDisplay(id, newValue)} replaces in place.
 */
public final class Display {

    private static volatile DisplaySink sink = new DisplaySink() {
        @Override
        public void display(JsonObject bundle, String displayId, boolean update) {
            System.out.println(bundle.getAsJsonObject("data").get("text/plain").getAsString());
        }

        @Override
        public void clearOutput(boolean wait) {
        }
    };

    private Display() {
    }

    public static void install(DisplaySink newSink) {
        sink = newSink;
    }

    /** Shows {@code value} with the best renderer; returns its display id. */
    public static String display(Object value) {
        return display(value, null);
    }

    /**
     * Shows {@code value} as {@code mime} (for example {@code "text/html"} for a String of HTML,
     * or {@code "image/svg+xml"} for a chart); returns its display id.
     */
    public static String display(Object value, String mime) {
        String id = UUID.randomUUID().toString();
        sink.display(Renderers.bundle(value, mime), id, false);
        return id;
    }

    /** Replaces what an earlier {@code display} with this id shows. */
    public static void updateDisplay(String displayId, Object value) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned");
        }
        sink.display(Renderers.bundle(value, null), displayId, true);
    }

    /** Clears this cell's output. */
    public static void clearOutput() {
        sink.clearOutput(false);
    }

    /** Clears this cell's output when the next output arrives (avoids flicker in animations). */
    public static void clearOutput(boolean wait) {
        sink.clearOutput(wait);
    }

    public static Html html(String source) {
        return new Html(source);
    }

    public static Markdown markdown(String source) {
        return new Markdown(source);
    }
}
