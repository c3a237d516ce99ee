package concurrencylab.harness.process;

import concurrencylab.agent.SnippetClassRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot of the recorded snippet classes with a digest, so workers reload only when something changed. */
public record SnippetClasses(String digest, Map<String, byte[]> classes) {

    public static SnippetClasses snapshot() {
        Map<String, byte[]> classes = new TreeMap<>(SnippetClassRegistry.snapshot());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return new SnippetClasses(HexFormat.of().formatHex(sha.digest()), classes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
