package concurrencylab.harness.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.state.NotebookState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook's jars as they go into the cluster's jar map: once each, by digest, within a bound. */
class NotebookJarsTest {

    @TempDir
    Path scratch;

    @Test
    void aJarCrossesOnceByTheDigestOfItsBytesAndAgainOnlyWhenItChanges() throws IOException {
        Path jar = Files.write(scratch.resolve("lib.jar"), new byte[] {1, 2, 3});
        Map<String, byte[]> cluster = new HashMap<>();
        NotebookJars.Shipped first = NotebookJars.ship(List.of(jar.toString()), cluster, 1 << 20);
        assertEquals(List.of(NotebookState.digest(new byte[] {1, 2, 3})), first.digests());
        assertEquals(1, first.sent());
        assertEquals(3, first.bytesSent());
        assertArrayEquals(new byte[] {1, 2, 3}, cluster.get(first.digests().get(0)));

        NotebookJars.Shipped again = NotebookJars.ship(List.of(jar.toString()), cluster, 1 << 20);
        assertEquals(first.digests(), again.digests());
        assertEquals(0, again.sent(), "a jar the cluster holds is not sent again");

        Files.write(jar, new byte[] {4, 5, 6, 7});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        NotebookJars.Shipped changed = NotebookJars.ship(List.of(jar.toString()), cluster, 1 << 20);
        assertEquals(List.of(NotebookState.digest(new byte[] {4, 5, 6, 7})), changed.digests());
        assertEquals(1, changed.sent());

        cluster.clear(); // a new cluster, or its idle entries dropped: the same jar crosses again
        assertEquals(1, NotebookJars.ship(List.of(jar.toString()), cluster, 1 << 20).sent());
    }

    @Test
    void aJarOverTheBoundIsLeftOutWithOneLineThatSaysWhatFollows() throws IOException {
        Path small = Files.write(scratch.resolve("small.jar"), new byte[10]);
        Path big = Files.write(scratch.resolve("big.jar"), new byte[3 << 20]);
        Map<String, byte[]> cluster = new HashMap<>();
        NotebookJars.Shipped shipped = NotebookJars.ship(List.of(big.toString(), small.toString()), cluster, 2 << 20);
        assertEquals(List.of(NotebookState.digest(new byte[10])), shipped.digests());
        assertEquals(1, cluster.size());
        assertEquals(List.of("not sent to the cluster: big.jar is 3.0 MiB, over the 2 MiB a jar may be; tasks that use its"
                + " classes fail on the members with NoClassDefFoundError (run them with %%processes instead)"), shipped.refused());
    }

    @Test
    void aClassFolderCrossesAsAJarOfItsFilesAndAMissingEntryIsSkipped() throws IOException {
        Path folder = Files.createDirectories(scratch.resolve("classes/demo"));
        Files.writeString(folder.resolve("A.class"), "a");
        Files.writeString(folder.resolve("B.class"), "b");
        Map<String, byte[]> cluster = new HashMap<>();
        NotebookJars.Shipped shipped = NotebookJars.ship(
                List.of(scratch.resolve("classes").toString(), scratch.resolve("gone.jar").toString()), cluster, 1 << 20);
        assertEquals(1, shipped.digests().size());
        List<String> names = new ArrayList<>();
        try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(cluster.get(shipped.digests().get(0))))) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                names.add(entry.getName() + "=" + new String(jar.readAllBytes()));
            }
        }
        assertEquals(List.of("demo/A.class=a", "demo/B.class=b"), names);
        assertEquals(shipped.digests(), NotebookJars.ship(List.of(scratch.resolve("classes").toString()), cluster, 1 << 20)
                .digests(), "the same files make the same jar");
        assertTrue(shipped.refused().isEmpty());
    }
}
