package concurrencylab.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each snippet came from (cell and line), so stack traces name cell lines. */
public final class SnippetOrigins {

    public record Origin(int executionCount, int firstLine) {
    }

    private final Map<String, Origin> bySnippetId = new ConcurrentHashMap<>();
    private final java.util.Set<String> notReplayed = ConcurrentHashMap.newKeySet();

    public void record(String snippetId, int executionCount, int firstLine) {
        bySnippetId.put(snippetId, new Origin(executionCount, firstLine));
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

    void clear() {
        bySnippetId.clear();
        notReplayed.clear();
    }
}
