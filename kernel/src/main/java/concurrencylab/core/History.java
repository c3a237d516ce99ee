package concurrencylab.core;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Input history kept across kernel restarts: one JSON line per stored cell, in a file only its owner
 * can read. Each kernel start is a new session number, as in IPython.
 */
public final class History {

    /** One history entry: {@code [session, line, input]} in {@code history_reply}. */
    public record Entry(int session, int line, String input) {
    }

    private static final Gson GSON = new Gson();

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final int session;

    private History(Path file, List<Entry> earlier) {
        this.file = file;
        this.entries.addAll(earlier);
        this.session = earlier.stream().mapToInt(Entry::session).max().orElse(0) + 1;
    }

    /** Opens (creating when needed) the history file; unreadable lines are skipped, not fatal. */
    public static History open(Path file) {
        List<Entry> earlier = new ArrayList<>();
        if (Files.isReadable(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    parse(line).ifPresent(earlier::add);
                }
            } catch (IOException e) {
                System.err.println("concurrency-lab: history not read (" + e.getMessage() + "); starting a new one");
            }
        }
        return new History(file, earlier);
    }

    /** A history that lives in memory only (tests, or when the data dir is not writable). */
    public static History inMemory() {
        return new History(null, List.of());
    }

    /** {@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter}, else {@code ~/.local/share/jupyter}. */
    public static Path defaultFile() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        Path base;
        if (dataDir != null && !dataDir.isBlank()) {
            base = Path.of(dataDir);
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            base = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share"))
                    .resolve("jupyter");
        }
        return base.resolve("concurrency-lab").resolve("history.jsonl");
    }

    public int session() {
        return session;
    }

    public synchronized void add(int line, String input) {
        Entry entry = new Entry(session, line, input);
        entries.add(entry);
        if (file != null) {
            append(entry);
        }
    }

    /** The last {@code n} entries, oldest first. */
    public synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - n), entries.size()));
    }

    /**
     * Entries of one session with {@code start <= line < stop}. Session 0 is the current one and
     * negative sessions count back from it, as IPython does.
     */
    public synchronized List<Entry> range(int requestedSession, int start, int stop) {
        int wanted = requestedSession <= 0 ? session + requestedSession : requestedSession;
        return entries.stream()
                .filter(e -> e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /** Entries whose input matches a glob ({@code *} and {@code ?}); the last {@code n} (all when n &lt;= 0). */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = globToRegex(glob);
        List<Entry> matching = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (pattern.matcher(e.input()).matches() && (!unique || inputs.add(e.input()))) {
                matching.add(0, e);
            }
        }
        return n > 0 && matching.size() > n ? List.copyOf(matching.subList(matching.size() - n, matching.size())) : matching;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private void append(Entry entry) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            JsonObject json = new JsonObject();
            json.addProperty("session", entry.session());
            json.addProperty("line", entry.line());
            json.addProperty("input", entry.input());
            Files.writeString(file, GSON.toJson(json) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | UnsupportedOperationException e) {
            // History is a convenience: a read-only home must not break execution.
            System.err.println("concurrency-lab: history not saved (" + e.getMessage() + ")");
        }
    }

    private static java.util.Optional<Entry> parse(String line) {
        try {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            return java.util.Optional.of(new Entry(json.get("session").getAsInt(), json.get("line").getAsInt(),
                    json.get("input").getAsString()));
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

}
