package concurrencylab.magics;

import javax.lang.model.SourceVersion;

/** Pieces of the one line of Java a magic generates: string literals and checked variable names. */
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

    /** The task method as the harness wants it: its name (for worker JVMs) and a lambda calling it. */
    static String task(String methodName) {
        return string(methodName) + ", () -> " + methodName + "()";
    }

    static boolean isVariableName(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !name.equals("_");
    }
}
