package concurrencylab.harness.cluster;

import concurrencylab.harness.state.NotebookState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * In the runtime: the notebook's jars and class folders ({@code %maven}, {@code %classpath add}) as they cross to
 * the cluster's members, which share no file system with the notebook. Each crosses as its bytes, named by their
 * SHA-256, put into the cluster's jar map only when the map lacks them: a jar crosses once however many runs use
 * it, and a member that joins later fetches it from the map when its first task needs it ({@link MemberJars}).
 * A class folder crosses as a jar made of its files. A jar over the bound is not sent, and the run says so.
 */
final class NotebookJars {

    /**
     * The largest jar sent. The cluster's maps live in the members' heaps (a forked member has 384 MiB), each jar
     * twice (primary and backup): a bound keeps one library from filling them.
     */
    static final long MAX_JAR_BYTES = 32L << 20;

    /** What one run shipped: the digests of the entries members load, in class path order, and the cost. */
    record Shipped(List<String> digests, int sent, long bytesSent, long nanos, List<String> refused) {
    }

    /** An unchanged jar is not read and hashed again each run: its digest, by path, with what it was taken from. */
    private record Stamp(long size, long modified, String digest) {
    }

    private static final Map<Path, Stamp> DIGESTS = new ConcurrentHashMap<>();

    private NotebookJars() {
    }

    /**
     * Makes sure {@code jars} (the cluster's map, or any map in tests) holds every entry of {@code classPath}
     * no larger than {@code maxBytes}; the entries over it are left out, each with one line in {@code refused}.
     */
    static Shipped ship(List<String> classPath, Map<String, byte[]> jars, long maxBytes) {
        long start = System.nanoTime();
        List<String> digests = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int sent = 0;
        long bytesSent = 0;
        for (String entry : classPath) {
            Path path = Path.of(entry).toAbsolutePath();
            try {
                if (!Files.exists(path)) {
                    continue; // deleted since it was added: the notebook's own loader finds nothing new there either
                }
                byte[] bytes = null;
                String digest;
                if (Files.isDirectory(path)) {
                    bytes = folderAsJar(path);
                    digest = NotebookState.digest(bytes);
                } else {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    Stamp stamp = DIGESTS.get(path);
                    if (stamp == null || stamp.size() != attributes.size()
                            || stamp.modified() != attributes.lastModifiedTime().toMillis()) {
                        if (attributes.size() > maxBytes) {
                            refused.add(overBound(path, attributes.size(), maxBytes));
                            continue;
                        }
                        bytes = Files.readAllBytes(path);
                        stamp = new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis(), NotebookState.digest(bytes));
                        DIGESTS.put(path, stamp);
                    }
                    digest = stamp.digest();
                }
                if (!jars.containsKey(digest)) {
                    if (bytes == null) {
                        bytes = Files.readAllBytes(path); // known here, but new to this cluster (or dropped as idle)
                    }
                    if (bytes.length > maxBytes) {
                        refused.add(overBound(path, bytes.length, maxBytes));
                        continue;
                    }
                    jars.put(digest, bytes);
                    sent++;
                    bytesSent += bytes.length;
                }
                digests.add(digest);
            } catch (IOException e) {
                refused.add("not sent to the cluster: " + path + " cannot be read (" + e.getMessage() + ")");
            }
        }
        return new Shipped(List.copyOf(digests), sent, bytesSent, System.nanoTime() - start, List.copyOf(refused));
    }

    private static String overBound(Path path, long size, long maxBytes) {
        return String.format("not sent to the cluster: %s is %.1f MiB, over the %d MiB a jar may be; tasks that use"
                + " its classes fail on the members with NoClassDefFoundError (run them with %%%%processes instead)",
                path.getFileName(), size / 1048576.0, maxBytes >> 20);
    }

    /** A class folder's files as a jar, in a fixed order with fixed times, so the same files give the same digest. */
    static byte[] folderAsJar(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry entry = new ZipEntry(folder.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                jar.putNextEntry(entry);
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return bytes.toByteArray();
    }
}
