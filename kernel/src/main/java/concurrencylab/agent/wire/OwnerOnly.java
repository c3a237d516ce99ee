package concurrencylab.agent.wire;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Temporary directories only their owner can enter (0700), created with that mode rather than set
 * afterwards, so no other user of a shared machine ever sees what is put inside: the runtime link's
 * socket, thread dumps. Where the file system has no POSIX permissions (Windows), the default ACLs of the
 * user's own temporary directory apply.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** A fresh directory under {@code java.io.tmpdir}, mode 0700 from its creation. */
    public static Path createDirectory(String prefix) throws IOException {
        Path directory = POSIX
                ? Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(DIRECTORY))
                : Files.createTempDirectory(prefix);
        if (POSIX && !Files.getPosixFilePermissions(directory).equals(DIRECTORY)) {
            deleteTree(directory);
            throw new IOException("cannot make " + directory + " owner-only");
        }
        return directory;
    }

    /** The attributes that create a file as 0600 (none where there are no POSIX permissions). */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** The attributes that create a directory as 0700 (none where there are no POSIX permissions). */
    public static FileAttribute<?>[] directoryAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
    }

    /** Takes group and other permissions away from an existing file (an older one, written with the umask). */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Deletes a directory and everything in it; quietly, as a best effort. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is still owner-only
        }
    }
}
