package concurrencylab.deps;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.RepositorySystemSession.SessionBuilder;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;

/**
 * The notebook's Maven dependencies, resolved with Apache Maven Resolver as Maven 3 resolves them:
 * transitive compile and runtime scopes, nearest-first conflict mediation, the user's settings.
 *
 * <p>Each call resolves the earlier requests together with the new ones, so a conflict between them is
 * settled by Maven's rules; a jar whose artifact the runtime has already loaded in another version keeps
 * that version (a JVM cannot unload a class), and the summary says so. Thread-safe: calls are serialized.
 */
public final class DependencyResolver {

    static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";

    private RepositorySystem system;
    private Path settingsFile = MavenSettings.userSettingsFile();
    private final Map<String, RemoteRepository> addedRepositories = new LinkedHashMap<>();
    private final List<Dependency> roots = new ArrayList<>();
    /** Loaded artifacts by key (group:artifact:extension[:classifier]), in load order. */
    private final Map<String, Resolution.Artifact> loaded = new LinkedHashMap<>();

    /** Uses another settings file from now on (Maven's {@code -s FILE}). */
    public synchronized void useSettings(Path file) {
        MavenSettings.read(file);
        settingsFile = file;
    }

    /** Adds a remote repository searched after Maven Central and the settings' repositories. */
    public synchronized void addRepository(String id, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(url + " is not a URL: write %mavenRepo ID URL, for example "
                    + "%mavenRepo snapshots https://central.sonatype.com/repository/maven-snapshots/");
        }
        if (uri.getScheme() == null || !List.of("http", "https", "file").contains(uri.getScheme())) {
            throw new IllegalArgumentException(url + " is not an http, https or file URL: give the repository's URL");
        }
        addedRepositories.put(id, new RemoteRepository.Builder(id, "default", url)
                .setSnapshotPolicy(new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_FAIL))
                .build());
    }

    /** The repositories a resolution searches, one description each (id and URL, mirrors not applied). */
    public synchronized List<String> repositories() {
        MavenSettings settings = MavenSettings.read(settingsFile);
        return declaredRepositories(settings).stream().map(FailureReason::where).toList();
    }

    /** Every jar loaded so far, in load order. */
    public synchronized List<Resolution.Artifact> loaded() {
        return List.copyOf(loaded.values());
    }

    /** Forgets every dependency and added repository: the runtime they were loaded into is gone. */
    public synchronized void forget() {
        roots.clear();
        loaded.clear();
        addedRepositories.clear();
    }

    /**
     * Resolves {@code coordinates} (GROUP:ARTIFACT[:EXTENSION[:CLASSIFIER]]:VERSION each) with what earlier
     * calls asked for; {@code progress} gets a line now and then while files download, and downloads stop
     * once {@code cancelled} says so.
     */
    public synchronized Resolution resolve(List<String> coordinates, boolean update, Consumer<String> progress,
                                           BooleanSupplier cancelled) {
        List<Resolution.Failure> failures = new ArrayList<>();
        List<Dependency> wanted = new ArrayList<>();
        for (String text : coordinates) {
            try {
                wanted.add(new Dependency(new DefaultArtifact(text), "compile"));
            } catch (IllegalArgumentException e) {
                failures.add(new Resolution.Failure(text, "not Maven coordinates: write GROUP:ARTIFACT:VERSION"
                        + " (or GROUP:ARTIFACT:EXTENSION:CLASSIFIER:VERSION)"));
            }
        }
        MavenSettings settings = MavenSettings.read(settingsFile);
        DownloadProgress downloads = new DownloadProgress(progress, cancelled);
        try (CloseableSession session = session(settings, downloads, update)) {
            List<RemoteRepository> repositories = system().newResolutionRepositories(session, declaredRepositories(settings));
            // Each new request on its own first, so a bad one is named and does not stop the others.
            List<Dependency> good = new ArrayList<>();
            for (Dependency dependency : wanted) {
                try {
                    system().collectDependencies(session, new CollectRequest(List.of(dependency), List.of(), repositories));
                    good.add(dependency);
                } catch (DependencyCollectionException e) {
                    failures.add(new Resolution.Failure(dependency.getArtifact().toString(), FailureReason.of(e)));
                }
            }
            List<Dependency> all = new ArrayList<>(roots);
            all.addAll(good);
            if (good.isEmpty()) {
                return new Resolution(List.of(), List.of(), failures, settings.describe());
            }
            DependencyNode graph;
            try {
                graph = system().collectDependencies(session, new CollectRequest(all, List.of(), repositories)).getRoot();
            } catch (DependencyCollectionException e) {
                // The earlier requests cannot be read again (other settings, offline now): they are loaded already,
                // so the new ones are mediated among themselves only.
                try {
                    graph = system().collectDependencies(session, new CollectRequest(good, List.of(), repositories)).getRoot();
                } catch (DependencyCollectionException again) {
                    failures.add(new Resolution.Failure(String.join(", ", good.stream().map(d -> d.getArtifact().toString()).toList()),
                            FailureReason.of(again)));
                    return new Resolution(List.of(), List.of(), failures, settings.describe());
                }
            }
            List<Resolution.Conflict> conflicts = new ArrayList<>();
            collectConflicts(graph, null, conflicts);
            DependencyResult result;
            int failedBefore = failures.size();
            Set<String> requested = new HashSet<>();
            for (DependencyNode child : graph.getChildren()) {
                if (good.stream().anyMatch(dependency -> key(dependency.getArtifact()).equals(key(child.getArtifact())))) {
                    reachable(child, requested);
                }
            }
            try {
                result = system().resolveDependencies(session, new DependencyRequest(graph,
                        (node, parents) -> !node.getData().containsKey(ConflictResolver.NODE_DATA_WINNER)));
            } catch (DependencyResolutionException e) {
                result = e.getResult();
            }
            List<Resolution.Artifact> artifacts = new ArrayList<>();
            for (ArtifactResult artifactResult : result.getArtifactResults()) {
                Artifact artifact = artifactResult.getArtifact();
                if (!artifactResult.isResolved() || artifact == null || artifact.getPath() == null) {
                    Artifact asked = artifactResult.getRequest().getArtifact();
                    Resolution.Artifact earlier = loaded.get(key(asked));
                    if (!requested.contains(key(asked))) {
                        continue; // part of an earlier request only, loaded then
                    }
                    if (earlier != null && earlier.version().equals(asked.getVersion())) {
                        // loaded by an earlier call (perhaps under other settings): it is there, whatever this session sees
                        artifacts.add(new Resolution.Artifact(earlier.key(), earlier.version(), earlier.file(), false));
                        continue;
                    }
                    failures.add(new Resolution.Failure(asked.toString(), FailureReason.of(artifactResult.getExceptions())));
                    continue;
                }
                artifacts.add(load(artifact, conflicts));
            }
            if (failures.size() == failedBefore) {
                roots.addAll(good);
            }
            // The table speaks of this call's requests: earlier requests were reported by their own call.
            artifacts.removeIf(artifact -> !artifact.added() && !requested.contains(artifact.key()));
            conflicts.removeIf(conflict -> !requested.contains(conflict.key()));
            String summary = downloads.summary();
            return new Resolution(artifacts, conflicts, failures, settings.describe() + (summary.isEmpty() ? "" : ". " + summary));
        }
    }

    private Resolution.Artifact load(Artifact artifact, List<Resolution.Conflict> conflicts) {
        String key = key(artifact);
        Resolution.Artifact earlier = loaded.get(key);
        if (earlier != null) {
            if (!earlier.version().equals(artifact.getVersion())) {
                conflicts.add(new Resolution.Conflict(key, earlier.version(), artifact.getVersion(), null));
            }
            return new Resolution.Artifact(key, earlier.version(), earlier.file(), false);
        }
        Resolution.Artifact added = new Resolution.Artifact(key, artifact.getVersion(), artifact.getPath(), true);
        loaded.put(key, added);
        return added;
    }

    /** The artifacts a node needs (the losers of mediation included, by key: their winner serves them). */
    private static void reachable(DependencyNode node, Set<String> keys) {
        if (!keys.add(key(node.getArtifact())) || node.getData().containsKey(ConflictResolver.NODE_DATA_WINNER)) {
            return;
        }
        node.getChildren().forEach(child -> reachable(child, keys));
    }

    /** Losers of Maven's mediation stay in a verbose graph, pointing at their winner. */
    private static void collectConflicts(DependencyNode node, DependencyNode parent, List<Resolution.Conflict> conflicts) {
        Object winner = node.getData().get(ConflictResolver.NODE_DATA_WINNER);
        if (winner instanceof DependencyNode chosen && node.getArtifact() != null && chosen.getArtifact() != null
                && !chosen.getArtifact().getVersion().equals(node.getArtifact().getVersion())) {
            String wantedBy = parent == null || parent.getArtifact() == null ? "the notebook"
                    : parent.getArtifact().getGroupId() + ":" + parent.getArtifact().getArtifactId() + ":" + parent.getArtifact().getVersion();
            Resolution.Conflict conflict = new Resolution.Conflict(key(node.getArtifact()), chosen.getArtifact().getVersion(),
                    node.getArtifact().getVersion(), wantedBy);
            if (!conflicts.contains(conflict)) {
                conflicts.add(conflict);
            }
        }
        for (DependencyNode child : node.getChildren()) {
            collectConflicts(child, node, conflicts);
        }
    }

    static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId()
                + ("jar".equals(artifact.getExtension()) ? "" : ":" + artifact.getExtension())
                + (artifact.getClassifier().isEmpty() ? "" : ":" + artifact.getClassifier());
    }

    private List<RemoteRepository> declaredRepositories(MavenSettings settings) {
        List<RemoteRepository> repositories = new ArrayList<>();
        repositories.add(new RemoteRepository.Builder("central", "default", CENTRAL_URL).build());
        repositories.addAll(settings.profileRepositories());
        repositories.addAll(addedRepositories.values());
        return repositories;
    }

    private CloseableSession session(MavenSettings settings, DownloadProgress downloads, boolean update) {
        SessionBuilder builder = new SessionBuilderSupplier(system()).get();
        settings.applyTo(builder);
        builder.setSystemProperties(System.getProperties());
        builder.setTransferListener(downloads);
        // A corrupt or tampered download is an error, not a warning.
        builder.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        // Keep the losers of conflict mediation in the graph, to report them.
        builder.setConfigProperty(ConflictResolver.CONFIG_PROP_VERBOSE, Boolean.TRUE);
        if (update) {
            builder.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS);
        }
        return builder.build();
    }

    private RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

}
