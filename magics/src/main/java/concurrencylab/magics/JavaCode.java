package concurrencylab.magics;

import concurrencylab.harness.HarnessOptions;
import javax.lang.model.SourceVersion;

/** Pieces of the one line of Java a magic generates: string literals, the options record, checked variable names. */
final class JavaCode {

    static final String HARNESS = "concurrencylab.harness.Harness";

    private JavaCode() {
    }

    static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> literal.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return literal.append('"').toString();
    }

    /**
     * The options record as an expression of the runtime JVM: {@code concurrencylab.harness.RunOptions.fromJson("{...}")}.
     * The JSON names every option it carries, so the call has no positional values to keep in step.
     */
    static String options(HarnessOptions options) {
        return options.getClass().getName() + ".fromJson(" + string(options.toJson()) + ")";
    }

    /** The task method as the harness wants it: its name (for worker JVMs) and a lambda calling it. */
    static String task(String methodName) {
        return string(methodName) + ", () -> " + methodName + "()";
    }

    static boolean isVariableName(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !name.equals("_");
    }
}
