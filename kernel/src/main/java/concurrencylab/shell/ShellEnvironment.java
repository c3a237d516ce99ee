package concurrencylab.shell;

import concurrencylab.agent.wire.Scratch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where {@code %%bash} and {@code %%python} cells start and with what environment: {@code %cd} and
 * {@code %env} change it. A running JVM cannot change its own directory or environment, so Java cells keep
 * the ones the kernel started with.
 */
public final class ShellEnvironment {

    private Path directory = Path.of("").toAbsolutePath();
    /** Variables set with {@code %env NAME=VALUE}; a null value removes the variable. */
    private final Map<String, String> changes = new TreeMap<>();

    public synchronized Path directory() {
        return directory;
    }

    /** Changes the directory, relative to the current one; a missing directory is an error naming it. */
    public synchronized Path changeDirectory(String to) {
        Path target = directory.resolve(to.startsWith("~") ? System.getProperty("user.home") + to.substring(1) : to).normalize();
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is not a directory: give an existing one");
        }
        directory = target;
        return target;
    }

    /** The environment cells' processes get: the kernel's, with the changes applied. */
    public synchronized Map<String, String> variables() {
        Map<String, String> variables = new TreeMap<>(System.getenv());
        variables.put(Scratch.VARIABLE, Scratch.directory().toString());
        changes.forEach((name, value) -> {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.put(name, value);
            }
        });
        return variables;
    }

    public synchronized void set(String name, String value) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(name + " is not a variable name: use letters, digits and _");
        }
        changes.put(name, value);
    }

    synchronized void applyTo(ProcessBuilder builder) {
        builder.directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(variables());
    }
}
