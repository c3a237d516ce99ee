package concurrencylab.kernel;

/**
 * How much stream text one cell may publish. A cell that prints without end would otherwise flood
 * the front end (and a browser tab's memory); past the budget, text is dropped and counted, and the
 * cell is told once, like Jupyter's iopub data-rate limit.
 */
final class OutputBudget {

    /** Default budget per cell; {@code CONCURRENCY_LAB_OUTPUT_LIMIT_MB} changes it. */
    static final long DEFAULT_BYTES = 16L << 20;

    private final long limit;
    private long published;
    private long dropped;
    private boolean noted;

    OutputBudget(long limit) {
        this.limit = limit;
    }

    /** The per-cell limit in bytes, read once per kernel from the environment. */
    static long limitFromEnvironment() {
        String mb = System.getenv("CONCURRENCY_LAB_OUTPUT_LIMIT_MB");
        try {
            return mb == null ? DEFAULT_BYTES : Long.parseLong(mb.trim()) << 20;
        } catch (NumberFormatException e) {
            return DEFAULT_BYTES;
        }
    }

    /** The part of {@code text} that may still be published (all, some, or none). */
    synchronized String admit(String text) {
        long left = limit - published;
        if (left <= 0) {
            dropped += text.length();
            return "";
        }
        if (text.length() <= left) {
            published += text.length();
            return text;
        }
        published = limit;
        dropped += text.length() - left;
        return text.substring(0, (int) left);
    }

    /** True exactly once: when text was first dropped, so the note is shown once per cell. */
    synchronized boolean firstDrop() {
        if (dropped > 0 && !noted) {
            noted = true;
            return true;
        }
        return false;
    }

    String note() {
        return "\n[output truncated: this cell printed more than " + (limit >> 20)
                + " MiB; the rest is dropped. Write large output to a file, or set CONCURRENCY_LAB_OUTPUT_LIMIT_MB]\n";
    }
}
