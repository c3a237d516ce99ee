package concurrencylab.jshell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each snippet came from (cell and line), so stack traces name cell lines. */
final class SnippetOrigins {

    record Origin(int executionCount, int firstLine) {
    }

    private final Map<String, Origin> bySnippetId = new ConcurrentHashMap<>();
    private final java.util.Set<String> notReplayed = ConcurrentHashMap.newKeySet();

    void record(String snippetId, int executionCount, int firstLine) {
        bySnippetId.put(snippetId, new Origin(executionCount, firstLine));
    }

    /** Kernel-generated snippets (and user expressions) are not declared again after a restart. */
    void markNotReplayed(String snippetId) {
        notReplayed.add(snippetId);
    }

    boolean replayed(String snippetId) {
        return !notReplayed.contains(snippetId);
    }

    Origin find(String snippetId) {
        return bySnippetId.get(snippetId);
    }

    void clear() {
        bySnippetId.clear();
        notReplayed.clear();
    }
}
