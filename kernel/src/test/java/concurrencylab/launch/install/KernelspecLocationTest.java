package concurrencylab.launch.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecLocationTest {

    @TempDir
    Path temp;

    private InstallEnvironment environment(Map<String, String> variables, String os) {
        return new InstallEnvironment(variables, temp.resolve("home"), os, Path.of(System.getProperty("java.home")));
    }

    @Test
    void userDefaultsToTheXdgDataDirUnderHome() {
        assertEquals(temp.resolve("home/.local/share/jupyter/kernels"),
                KernelspecLocation.user().kernelsDir(environment(Map.of(), "Linux")));
    }

    @Test
    void userHonoursXdgDataHome() {
        assertEquals(temp.resolve("xdg/jupyter/kernels"), KernelspecLocation.user()
                .kernelsDir(environment(Map.of("XDG_DATA_HOME", temp.resolve("xdg").toString()), "Linux")));
    }

    @Test
    void userHonoursJupyterDataDirAboveAllElse() {
        Map<String, String> variables = Map.of(
                "JUPYTER_DATA_DIR", temp.resolve("data").toString(), "XDG_DATA_HOME", temp.resolve("xdg").toString());
        assertEquals(temp.resolve("data/kernels"), KernelspecLocation.user().kernelsDir(environment(variables, "Linux")));
    }

    @Test
    void userOnMacUsesLibraryJupyter() {
        assertEquals(temp.resolve("home/Library/Jupyter/kernels"),
                KernelspecLocation.user().kernelsDir(environment(Map.of(), "Mac OS X")));
    }

    @Test
    void prefixAppendsShareJupyterKernels() {
        assertEquals(temp.resolve("p/share/jupyter/kernels"),
                KernelspecLocation.prefix(temp.resolve("p")).kernelsDir(environment(Map.of(), "Linux")));
    }

    @Test
    void sysPrefixAsksThePythonThatRunsJupyterOnPath() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("env/bin"));
        Path python = executable(bin.resolve("python3"), "#!/bin/sh\necho " + temp.resolve("env") + "\n");
        executable(bin.resolve("jupyter"), "#!" + python + "\nimport sys\n");
        Path empty = Files.createDirectories(temp.resolve("empty"));

        Map<String, String> variables = Map.of("PATH", empty + ":" + bin + ":/usr/bin:/bin");
        assertEquals(temp.resolve("env/share/jupyter/kernels"),
                KernelspecLocation.sysPrefix().kernelsDir(environment(variables, "Linux")));
    }

    @Test
    void sysPrefixSplitsAnEnvShebang() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("venv/bin"));
        executable(bin.resolve("fakepython"), "#!/bin/sh\necho " + temp.resolve("venv") + "\n");
        executable(bin.resolve("jupyter"), "#!/usr/bin/env fakepython\n");

        Map<String, String> variables = Map.of("PATH", bin + ":/usr/bin:/bin");
        assertEquals(temp.resolve("venv/share/jupyter/kernels"),
                KernelspecLocation.sysPrefix().kernelsDir(environment(variables, "Linux")));
    }

    private static Path executable(Path path, String content) throws IOException {
        Files.writeString(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
