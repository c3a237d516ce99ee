package concurrencylab.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import concurrencylab.agent.wire.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Input history kept across kernel restarts: one JSON line per stored cell, in a file only its owner
 * can read. Each kernel start is a new session number, as in IPython.
 */
public final class History {

    private static final System.Logger LOG = System.getLogger(History.class.getName());

    /** One history entry: {@code [session, line, input]} in {@code history_reply}. */
    public record Entry(int session, int line, String input) {
    }

    private static final Gson GSON = new Gson();
    /** Entries kept from earlier sessions; the file is cut back to these when it grows to twice as many. */
    static final int KEPT_ENTRIES = 10_000;

    private final Path file;
    /** Earlier sessions are read in the background: start-up must not wait for a long history. */
    private final CompletableFuture<List<Entry>> earlier;
    private List<Entry> entries;
    private int session;

    private History(Path file, CompletableFuture<List<Entry>> earlier) {
        this.file = file;
        this.earlier = earlier;
    }

    /** Opens (creating when needed) the history file; unreadable lines are skipped, not fatal. */
    public static History open(Path file) {
        return new History(file, CompletableFuture.supplyAsync(() -> read(file)));
    }

    /** A history that lives in memory only (tests, or when the data dir is not writable). */
    public static History inMemory() {
        return new History(null, CompletableFuture.completedFuture(List.of()));
    }

    private static List<Entry> read(Path file) {
        List<Entry> found = new ArrayList<>();
        if (!Files.isReadable(file)) {
            return found;
        }
        try {
            OwnerOnly.restrict(file); // a history written with the umask by an older version
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot make {0} owner-only ({1})", file, e.getMessage());
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parse(line).ifPresent(found::add);
            }
            if (found.size() > 2 * KEPT_ENTRIES) {
                found = new ArrayList<>(found.subList(found.size() - KEPT_ENTRIES, found.size()));
                rewrite(file, found);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "history not read ({0}); starting a new one", e.getMessage());
        }
        return found;
    }

    /** Writes the kept entries to a new file, created owner-only (never readable for a moment), then swaps it in. */
    private static void rewrite(Path file, List<Entry> kept) throws IOException {
        StringBuilder text = new StringBuilder();
        kept.forEach(entry -> text.append(GSON.toJson(json(entry))).append('\n'));
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, OwnerOnly.fileAttributes());
        Files.writeString(fresh, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The entries, once the earlier sessions are read. Callers hold the lock. */
    private List<Entry> entries() {
        if (entries == null) {
            entries = new ArrayList<>(earlier.join());
            session = entries.stream().mapToInt(Entry::session).max().orElse(0) + 1;
        }
        return entries;
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

    public synchronized int session() {
        entries();
        return session;
    }

    public synchronized void add(int line, String input) {
        Entry entry = new Entry(session(), line, input);
        entries().add(entry);
        if (file != null) {
            append(entry);
        }
    }

    /** The last {@code n} entries, oldest first. */
    public synchronized List<Entry> tail(int n) {
        List<Entry> all = entries();
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /**
     * Entries of one session with {@code start <= line < stop}. Session 0 is the current one and
     * negative sessions count back from it, as IPython does.
     */
    public synchronized List<Entry> range(int requestedSession, int start, int stop) {
        int wanted = requestedSession <= 0 ? session() + requestedSession : requestedSession;
        return entries().stream()
                .filter(e -> e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /** Entries whose input matches a glob ({@code *} and {@code ?}); the last {@code n} (all when n &lt;= 0). */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = globToRegex(glob);
        List<Entry> matching = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>();
        List<Entry> all = entries();
        for (int i = all.size() - 1; i >= 0; i--) {
            Entry e = all.get(i);
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
                Files.createDirectories(file.getParent(), OwnerOnly.directoryAttributes());
                Files.createFile(file, OwnerOnly.fileAttributes());
            }
            Files.writeString(file, GSON.toJson(json(entry)) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | UnsupportedOperationException e) {
            // History is a convenience: a read-only home must not break execution.
            LOG.log(System.Logger.Level.WARNING, "history not saved ({0})", e.getMessage());
        }
    }

    private static JsonObject json(Entry entry) {
        JsonObject json = new JsonObject();
        json.addProperty("session", entry.session());
        json.addProperty("line", entry.line());
        json.addProperty("input", entry.input());
        return json;
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
