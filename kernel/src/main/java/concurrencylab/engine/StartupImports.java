package concurrencylab.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The imports every notebook starts with: a default set plus those modules list in a resource.
 * The README lists the default packages; {@code StartupImportsTest} holds the two to each other.
 */
final class StartupImports {

    static final String RESOURCE = "META-INF/concurrencylab/imports";

    static final List<String> DEFAULTS = List.of(
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.concurrent.atomic.*;",
            "import java.util.concurrent.locks.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.util.regex.*;",
            "import java.math.*;",
            "import java.time.*;",
            "import java.io.*;",
            "import java.nio.file.*;",
            "import java.net.*;",
            "import java.net.http.*;",
            "import static concurrencylab.display.Display.*;",
            "import concurrencylab.display.*;");

    private StartupImports() {
    }

    static List<String> all() {
        Set<String> imports = new LinkedHashSet<>(DEFAULTS);
        try {
            Enumeration<URL> resources = StartupImports.class.getClassLoader().getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                imports.addAll(importLines(resources.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new ArrayList<>(imports);
    }

    private static List<String> importLines(URL resource) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.startsWith("import ")) {
                    lines.add(trimmed.endsWith(";") ? trimmed : trimmed + ";");
                }
            }
        }
        return lines;
    }
}
