package concurrencylab.cells;

/**
 * Where the code of a piece of Java source starts and ends, comments left out. A piece of a cell runs from where
 * the statement before it ended, so it may begin with that line's trailing comment and end with its own: code
 * that wraps a piece ({@code return (...);}) or recognises it ({@code display(...)}) must look past them. Strings,
 * character literals and text blocks are skipped as a whole, so a {@code //} inside one is not a comment.
 */
final class JavaComments {

    private JavaComments() {
    }

    /** The source without comments and white space before its first code and after its last. */
    static String trim(String source) {
        int[] code = codeBounds(source);
        return code[0] < 0 ? "" : source.substring(code[0], code[1]);
    }

    /** The source without the comments and white space after its last code; what comes before is kept. */
    static String stripTrailing(String source) {
        int[] code = codeBounds(source);
        return code[0] < 0 ? "" : source.substring(0, code[1]);
    }

    /** Where the first code starts and the last ends ({@code -1} when there is no code). */
    private static int[] codeBounds(String source) {
        int start = -1;
        int end = -1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int newline = source.indexOf('\n', i);
                i = newline < 0 ? source.length() : newline + 1;
                continue;
            }
            if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? source.length() : close + 2;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int next = source.startsWith("\"\"\"", i) ? afterTextBlock(source, i)
                    : c == '"' || c == '\'' ? afterLiteral(source, i, c) : i + 1;
            if (start < 0) {
                start = i;
            }
            end = next;
            i = next;
        }
        return new int[] {start, end};
    }

    private static int afterLiteral(String source, int open, char quote) {
        for (int i = open + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i + 1;
            }
        }
        return source.length();
    }

    private static int afterTextBlock(String source, int open) {
        for (int i = open + 3; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.startsWith("\"\"\"", i)) {
                return i + 3;
            }
        }
        return source.length();
    }
}
