package concurrencylab.launch.install;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds {@code sys.prefix} the way {@code jupyter kernelspec install --sys-prefix} means it: of the
 * Python that runs the {@code jupyter} on PATH (a venv or conda env), else of /usr/bin/python3.
 */
final class PythonPrefix {

    private static final String PRINT_PREFIX = "import sys; print(sys.prefix)";
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private PythonPrefix() {
    }

    static Path find(InstallEnvironment environment) {
        Optional<List<String>> jupyterPython = jupyterOnPath(environment).flatMap(PythonPrefix::shebang);
        if (jupyterPython.isPresent()) {
            Optional<Path> prefix = askPrefix(jupyterPython.get(), environment);
            if (prefix.isPresent()) {
                return prefix.get();
            }
        }
        if (Files.isExecutable(SYSTEM_PYTHON)) {
            Optional<Path> prefix = askPrefix(List.of(SYSTEM_PYTHON.toString()), environment);
            if (prefix.isPresent()) {
                return prefix.get();
            }
        }
        throw new InstallException(
                "--sys-prefix needs the Python that runs jupyter, and none answered: use --user or --prefix DIR");
    }

    private static Optional<Path> jupyterOnPath(InstallEnvironment environment) {
        String path = environment.variable("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "jupyter"))
                .filter(Files::isRegularFile)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The interpreter command of a {@code #!} line, e.g. {@code [/usr/bin/env, python3]}. */
    static Optional<List<String>> shebang(Path script) {
        try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith("#!")) {
                return Optional.empty();
            }
            List<String> command = new ArrayList<>(Arrays.asList(first.substring(2).trim().split("\\s+")));
            command.removeIf(String::isEmpty);
            return command.isEmpty() ? Optional.empty() : Optional.of(command);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> askPrefix(List<String> interpreter, InstallEnvironment environment) {
        List<String> command = new ArrayList<>(interpreter);
        command.add("-c");
        command.add(PRINT_PREFIX);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(environment.variables());
            Process process = builder.start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0 || output.isEmpty() || output.contains("\n")) {
                return Optional.empty();
            }
            return Optional.of(Path.of(output));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
