package concurrencylab.harness.cluster;

import com.hazelcast.core.HazelcastInstance;
import concurrencylab.agent.wire.OwnerOnly;
import concurrencylab.harness.state.NotebookState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Inside a member: the notebook's jars ({@link NotebookJars}), fetched from the cluster's jar map the first time
 * a task needs one and kept as files in an owner-only folder of this member, so a class loader reads them as the
 * notebook's does (resources, services, multi-release jars). One loader per list of jars, the parent of the
 * snippet loaders of the tasks that use that list: a library's classes load once, before the notebook's classes
 * that use them, and a notebook value of a library type is one class for all of them.
 */
final class MemberJars {

    private static final String FOLDER_PREFIX = "concurrency-lab-member-jars-";
    private static final int KEPT_LOADERS = 8;
    /**
     * Loaders by list of jar digests, the last few used. One dropped here is not closed: a task may still run
     * in it; its open jars go when it is collected.
     */
    private static final Map<List<String>, ClassLoader> LOADERS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, ClassLoader> eldest) {
            return size() > KEPT_LOADERS;
        }
    };
    private static Path folder;

    private MemberJars() {
    }

    /** The loader of {@code digests}' jars, fetched as needed; this library's loader when the list is empty. */
    static synchronized ClassLoader loader(List<String> digests, HazelcastInstance here, String name) {
        ClassLoader parent = MemberJars.class.getClassLoader();
        if (digests.isEmpty()) {
            return parent;
        }
        ClassLoader loader = LOADERS.get(digests);
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            for (String digest : digests) {
                urls.add(url(fetched(digest, here, name)));
            }
            loader = new URLClassLoader("notebook-jars", urls.toArray(URL[]::new), parent);
            LOADERS.put(List.copyOf(digests), loader);
        }
        return loader;
    }

    /** The jar's file here, fetched from the cluster unless an earlier task already did. */
    private static Path fetched(String digest, HazelcastInstance here, String name) {
        if (!digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a jar digest: " + digest); // it names a file below
        }
        Path file = folder().resolve(digest + ".jar");
        if (Files.exists(file)) {
            return file;
        }
        byte[] bytes = here.<String, byte[]>getMap(MemberConfig.JARS_MAP).get(digest);
        if (bytes == null) {
            throw new IllegalStateException("a jar of the notebook's class path did not reach member " + name);
        }
        if (!NotebookState.digest(bytes).equals(digest)) {
            throw new IllegalStateException("a jar of the notebook's class path reached member " + name + " damaged");
        }
        try {
            Path partial = Files.createTempFile(folder(), digest, ".part", OwnerOnly.fileAttributes());
            Files.write(partial, bytes);
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("member " + name + " cannot store a jar of the notebook: " + e.getMessage(), e);
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This member's folder of jars, made at first use. Members usually end killed (a notebook's members with
     * their runtime, by halt), which runs no cleanup: so each clears the folders of members no longer running.
     */
    private static Path folder() {
        if (folder == null) {
            try {
                sweepFoldersOfEndedMembers();
            } catch (IOException | RuntimeException e) {
                // a best effort: what stays behind is owner-only
            }
            try {
                folder = OwnerOnly.createDirectory(FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
            } catch (IOException e) {
                throw new UncheckedIOException("a member cannot make a folder for the notebook's jars: " + e.getMessage(), e);
            }
            Path made = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> OwnerOnly.deleteTree(made)));
        }
        return folder;
    }

    /**
     * Only real folders of this user: in a shared temporary folder, another user's (perhaps links planted to
     * make a member delete what they point at) are left alone; a folder of ours is 0700, so no one else changed it.
     */
    private static void sweepFoldersOfEndedMembers() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        String me = System.getProperty("user.name");
        try (Stream<Path> entries = Files.list(temporary)) {
            for (Path entry : entries.filter(path -> path.getFileName().toString().startsWith(FOLDER_PREFIX)).toList()) {
                String rest = entry.getFileName().toString().substring(FOLDER_PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && dash <= 18 && rest.substring(0, dash).chars().allMatch(Character::isDigit)
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS).getName().equals(me)
                        && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
                    OwnerOnly.deleteTree(entry);
                }
            }
        }
    }
}
