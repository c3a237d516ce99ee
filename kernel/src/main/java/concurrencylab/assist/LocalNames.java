package concurrencylab.assist;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names declared in the text before the cursor that JShell does not know yet: locals of a method
 * being written, variables of earlier lines of the same cell, parameters, loop variables.
 */
final class LocalNames {

    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(?:var|[A-Z][\\w.]*(?:<[^;{}()]*>)?(?:\\[\\])*|int|long|double|float|boolean|char|byte|short)(?:\\[\\])*\\s+([a-zA-Z_$][\\w$]*)\\s*(?=[=;:,)])");

    private LocalNames() {
    }

    static Set<String> before(String code, int cursor, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = DECLARATION.matcher(code.substring(0, cursor));
        while (matcher.find()) {
            String name = matcher.group(1);
            if (name.startsWith(prefix) && !name.equals(prefix)) {
                names.add(name);
            }
        }
        return names;
    }
}
