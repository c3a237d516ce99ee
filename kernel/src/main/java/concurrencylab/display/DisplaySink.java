package concurrencylab.display;

import com.google.gson.JsonObject;

/** Where {@link Display} sends bundles; the runtime installs the one that talks to the kernel. */
public interface DisplaySink {

    /** {@code bundle}: {@code {"data": ..., "metadata": ...}} as {@link Renderers} makes it. */
    void display(JsonObject bundle, String displayId, boolean update);

    void clearOutput(boolean wait);
}
