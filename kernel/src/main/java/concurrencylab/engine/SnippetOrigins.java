package concurrencylab.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each snippet came from (cell and line), so stack traces name cell lines. */
public final class SnippetOrigins {

    public record Origin(int executionCount, int firstLine) {
    }

    private final Map<String, Origin> bySnippetId = new ConcurrentHashMap<>();
    private final java.util.Set<String> notReplayed = ConcurrentHashMap.newKeySet();
    /** Where the snippet being evaluated comes from: its id is known only when its evaluation ends. */
    private volatile Origin evaluating;

    /**
     * The snippet evaluated next comes from this cell and line. Until it is recorded, a snippet of unknown
     * origin is placed there: a thread it started may fail while it still runs.
     */
    public void evaluating(int executionCount, int firstLine) {
        evaluating = new Origin(executionCount, firstLine);
    }

    public void record(String snippetId, int executionCount, int firstLine) {
        bySnippetId.put(snippetId, new Origin(executionCount, firstLine));
        evaluating = null;
    }

    /** Kernel-generated snippets (and user expressions) are not declared again after a restart. */
    public void markNotReplayed(String snippetId) {
        notReplayed.add(snippetId);
    }

    public boolean replayed(String snippetId) {
        return !notReplayed.contains(snippetId);
    }

    public Origin find(String snippetId) {
        return bySnippetId.get(snippetId);
    }

    /** As {@link #find}, but a snippet not recorded yet is taken to be the one being evaluated, if any. */
    Origin findOrEvaluating(String snippetId) {
        Origin origin = bySnippetId.get(snippetId);
        return origin != null ? origin : evaluating;
    }

    void clear() {
        bySnippetId.clear();
        notReplayed.clear();
        evaluating = null;
    }
}
