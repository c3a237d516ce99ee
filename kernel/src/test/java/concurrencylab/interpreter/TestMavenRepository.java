package concurrencylab.interpreter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A Maven repository on disk, laid out as Maven lays one out, with artifacts compiled for the test:
 * a jar, its POM and their SHA-1 checksums, so resolving it needs no network.
 */
final class TestMavenRepository {

    final Path root;

    TestMavenRepository(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Publishes demo:{@code artifact}:{@code version} holding {@code source} (one Java class, its package
     * given by {@code packageName}), depending on {@code dependencies} ("group:artifact:version" each).
     */
    TestMavenRepository publish(String artifact, String version, String packageName, String className, String source,
                                List<String> dependencies) throws IOException {
        Path folder = Files.createDirectories(root.resolve("demo").resolve(artifact).resolve(version));
        Path work = Files.createTempDirectory(root.getParent(), "artifact-build");
        Path sourceFile = work.resolve("src").resolve(className + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, "package " + packageName + ";\n" + source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        String classPath = String.join(java.io.File.pathSeparator, dependencies.stream().map(dependency -> {
            String[] parts = dependency.split(":");
            return root.resolve(parts[0]).resolve(parts[1]).resolve(parts[2]).resolve(parts[1] + "-" + parts[2] + ".jar").toString();
        }).toList());
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-d", classes.toString(),
                "-cp", classPath, sourceFile.toString());
        if (compiled != 0) {
            throw new IllegalStateException("the test artifact " + artifact + " did not compile");
        }
        Path jar = folder.resolve(artifact + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>demo</groupId>\n  <artifactId>" + artifact
                + "</artifactId>\n  <version>" + version + "</version>\n  <dependencies>\n");
        for (String dependency : dependencies) {
            String[] parts = dependency.split(":");
            pom.append("    <dependency><groupId>").append(parts[0]).append("</groupId><artifactId>").append(parts[1])
                    .append("</artifactId><version>").append(parts[2]).append("</version></dependency>\n");
        }
        pom.append("  </dependencies>\n</project>\n");
        Files.writeString(folder.resolve(artifact + "-" + version + ".pom"), pom);
        checksum(jar);
        checksum(folder.resolve(artifact + "-" + version + ".pom"));
        return this;
    }

    /** Spoils a published jar's checksum, as a corrupted download or a tampered mirror would. */
    void corruptChecksum(String artifact, String version) throws IOException {
        Files.writeString(root.resolve("demo").resolve(artifact).resolve(version).resolve(artifact + "-" + version + ".jar.sha1"),
                "0000000000000000000000000000000000000000");
    }

    private static void checksum(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file));
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A settings.xml with this local repository, a mirror of Maven Central, and offline or not. */
    static Path settings(Path file, Path localRepository, String centralMirrorUrl, boolean offline) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<settings>\n"
                + (localRepository == null ? "" : "  <localRepository>" + localRepository + "</localRepository>\n")
                + "  <offline>" + offline + "</offline>\n"
                + (centralMirrorUrl == null ? "" : "  <mirrors><mirror><id>test-mirror</id><mirrorOf>central</mirrorOf><url>"
                        + centralMirrorUrl + "</url></mirror></mirrors>\n")
                + "</settings>\n");
        return file;
    }
}
