package concurrencylab.kernel;

/**
 * Jupyter counts cursor positions in unicode code points; Java strings index UTF-16 units.
 * Converting at the protocol edge keeps an emoji in a comment from shifting completions.
 */
final class CursorPositions {

    private CursorPositions() {
    }

    static int toJavaIndex(String code, int codePoints) {
        int clamped = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
        return code.offsetByCodePoints(0, clamped);
    }

    static int toCodePoints(String code, int javaIndex) {
        return code.codePointCount(0, Math.max(0, Math.min(javaIndex, code.length())));
    }
}
