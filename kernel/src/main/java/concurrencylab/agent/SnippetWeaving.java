package concurrencylab.agent;

import java.util.List;
import java.util.ServiceLoader;

/** The {@link SnippetWeaver}s on the runtime's class path, applied in turn to each snippet class it loads. */
final class SnippetWeaving {

    private final List<SnippetWeaver> weavers;

    private SnippetWeaving(List<SnippetWeaver> weavers) {
        this.weavers = List.copyOf(weavers);
    }

    static SnippetWeaving discovered() {
        return new SnippetWeaving(ServiceLoader.load(SnippetWeaver.class).stream().map(ServiceLoader.Provider::get)
                .toList());
    }

    byte[] weave(String className, byte[] bytecodes) {
        byte[] woven = bytecodes;
        for (SnippetWeaver weaver : weavers) {
            woven = weaver.weave(className, woven);
        }
        return woven;
    }
}
