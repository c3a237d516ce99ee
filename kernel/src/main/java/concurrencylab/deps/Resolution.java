package concurrencylab.deps;

import java.nio.file.Path;
import java.util.List;

/**
 * What one {@code %maven} call came to: the artifacts of the notebook's dependency graph it touched, the
 * version conflicts Maven's rules settled, and one failure per artifact that could not be had.
 */
public record Resolution(List<Artifact> artifacts, List<Conflict> conflicts, List<Failure> failures, String settings) {

    /** One jar: its coordinates without version, the version used, the file, and whether this call added it. */
    public record Artifact(String key, String version, Path file, boolean added) {
    }

    /**
     * Two versions of one artifact met: {@code chosen} won by Maven's nearest-first rule over {@code rejected},
     * which {@code wantedBy} asked for; or, when {@code wantedBy} is null, the runtime had loaded {@code chosen}
     * already and keeps it (a JVM does not unload classes).
     */
    public record Conflict(String key, String chosen, String rejected, String wantedBy) {
        public String line() {
            return wantedBy == null
                    ? "conflict: " + key + " " + rejected + " not loaded: the runtime holds " + chosen
                            + " already (restart the kernel to change versions)"
                    : "conflict: " + key + " " + chosen + " chosen over " + rejected + " (wanted by " + wantedBy + ")";
        }
    }

    /** An artifact that could not be resolved, and why, in a few words. */
    public record Failure(String artifact, String reason) {
        public String line() {
            return artifact + ": " + reason;
        }
    }

    /** The files this call added to the notebook's class path, in resolution order. */
    public List<Path> addedFiles() {
        return artifacts.stream().filter(Artifact::added).map(Artifact::file).toList();
    }
}
