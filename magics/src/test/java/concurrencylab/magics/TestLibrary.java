package concurrencylab.magics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A small library compiled for a test, as a class folder or a jar of it: what {@code %maven} or
 * {@code %classpath add} would give a notebook, made on the spot so the test needs no repository.
 */
final class TestLibrary {

    private TestLibrary() {
    }

    /** Compiles {@code source} (one public top-level type {@code className} of {@code packageName}) into a folder. */
    static Path classFolder(Path work, String packageName, String className, String source) throws IOException {
        Path sourceFile = work.resolve("src").resolve(className + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, "package " + packageName + ";\n" + source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-d", classes.toString(),
                sourceFile.toString());
        if (compiled != 0) {
            throw new IllegalStateException(packageName + "." + className + " did not compile");
        }
        return classes;
    }

    /** The same, packed as {@code work/NAME.jar}. */
    static Path jar(Path work, String name, String packageName, String className, String source) throws IOException {
        Path classes = classFolder(work.resolve(name), packageName, className, source);
        Path jar = work.resolve(name + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }
}
