package concurrencylab.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules docs/architecture.md states, checked on the main sources of every module: packages form
 * no cycle, the spi depends on no other package of ours, the code that runs inside the runtime JVM
 * does not reach into the kernel, no package grows past 1,500 lines, and no two classes share a
 * simple name.
 */
class ArchitectureTest {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern OUR_TYPE = Pattern.compile("(?<![\\w.])(concurrencylab(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    private record Source(Path file, String pkg, String text) {
    }

    private static final List<Source> SOURCES = new ArrayList<>();
    /** Package to the packages of ours it names (imports and fully qualified names). */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // tests run in kernel/
        for (String module : List.of("kernel", "magics", "bench-harness")) {
            Path main = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(ArchitectureTest::read);
            }
        }
        assertTrue(SOURCES.size() > 100, "found the sources: " + SOURCES.size());
    }

    private static void read(Path file) {
        try {
            String text = Files.readString(file);
            Matcher pkg = PACKAGE.matcher(text);
            assertTrue(pkg.find(), file + " has a package");
            SOURCES.add(new Source(file, pkg.group(1), text));
            Set<String> uses = USES.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
            Matcher type = OUR_TYPE.matcher(text.replaceAll("(?m)^package .*$", ""));
            while (type.find()) {
                if (!type.group(1).equals(pkg.group(1))) {
                    uses.add(type.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void packagesFormNoCycle() {
        List<List<String>> cycles = new ArrayList<>();
        for (String start : USES.keySet()) {
            findCycle(start, start, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    private static void findCycle(String start, String at, List<String> path, Set<String> seen, List<List<String>> cycles) {
        for (String next : USES.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(List.copyOf(path));
            } else if (next.compareTo(start) > 0 && seen.add(next)) { // each cycle once, from its least package
                path.add(next);
                findCycle(start, next, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void theSpiDependsOnNoOtherPackageOfOurs() {
        assertEquals(Set.of(), USES.get("concurrencylab.spi"));
    }

    @Test
    void theRuntimeAgentDoesNotReachIntoTheKernel() {
        for (String pkg : List.of("concurrencylab.agent", "concurrencylab.agent.wire")) {
            for (String used : USES.get(pkg)) {
                assertTrue(used.startsWith("concurrencylab.agent") || used.equals("concurrencylab.display"),
                        pkg + " uses " + used + ": code for the runtime JVM may use only agent.* and display");
            }
        }
    }

    @Test
    void noPackageIsOverFifteenHundredLines() {
        Map<String, Long> lines = new HashMap<>();
        SOURCES.forEach(s -> lines.merge(s.pkg(), s.text().lines().count(), Long::sum));
        lines.forEach((pkg, count) -> assertTrue(count <= 1_500, pkg + " has " + count + " lines"));
    }

    @Test
    void noTwoClassesShareASimpleName() {
        Map<String, List<Path>> byName = new TreeMap<>();
        SOURCES.stream().filter(s -> !s.file().getFileName().toString().equals("package-info.java"))
                .forEach(s -> byName.computeIfAbsent(s.file().getFileName().toString(), n -> new ArrayList<>()).add(s.file()));
        byName.values().removeIf(files -> files.size() == 1);
        assertEquals(Map.of(), byName);
    }
}
