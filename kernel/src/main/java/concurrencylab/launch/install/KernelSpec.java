package concurrencylab.launch.install;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;

/** The content of {@code kernel.json}, field names as Jupyter reads them. */
record KernelSpec(
        List<String> argv,
        @SerializedName("display_name") String displayName,
        String language,
        @SerializedName("interrupt_mode") String interruptMode,
        Map<String, Object> metadata) {

    /** Gson without HTML escaping, so {@code -XX:Flag=value} stays readable in the file. */
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    static KernelSpec of(LaunchCommand launch, String displayName, String projectVersion) {
        String shownName = displayName != null ? displayName
                : "Java " + launch.javaFeatureVersion() + " (Concurrency Lab)";
        return new KernelSpec(launch.argv(), shownName, "java", "message",
                Map.of("debugger", false,
                        "concurrency_lab", Map.of(
                                "version", projectVersion,
                                "java_home", launch.java().getParent().getParent().toString())));
    }

    String toJson() {
        return GSON.toJson(this) + "\n";
    }
}
