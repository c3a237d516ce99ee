package concurrencylab.engine.supervision;

import concurrencylab.engine.Engine;
import concurrencylab.engine.SnippetOrigins;
import java.util.List;
import java.util.TreeMap;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The notebook's live declarations, kept up to date while the engine lives, so they can be
 * replayed into a fresh runtime. Imports, methods and types are replayed as written; variables are
 * declared again without their initializers (re-running those could repeat side effects or the very
 * work that got the runtime killed), so their values are lost.
 *
 * <p>Kept from the events of each eval (a snippet's status, including those an eval overwrote or
 * dropped), so a cell costs the same however many snippets came before it; the declarations a restart
 * replays are those of the last {@link #capture}, in snippet id order.
 */
final class DeclarationLog {

    record Declaration(Snippet.Kind kind, String name, String source, SnippetOrigins.Origin origin) {
    }

    /** A live declaration and the snippet it came from (a redefinition keeps the id, not the snippet). */
    private record Live(Snippet snippet, Declaration declaration) {
    }

    /** The engine's live declarations by snippet id number, as the events so far left them. */
    private final TreeMap<Integer, Live> live = new TreeMap<>();
    private boolean changed;
    private volatile List<Declaration> declarations = List.of();

    /** Notes what one eval did: declarations made active, and those overwritten, dropped or rejected. */
    synchronized void observe(Engine engine, SnippetOrigins origins, List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Snippet s = event.snippet();
            int id = idNumber(s.id());
            Declaration declaration = event.status().isActive() && !engine.startupSnippet(s) && origins.replayed(s.id())
                    ? declarationOf(s, origins.find(s.id()))
                    : null;
            if (declaration != null) {
                Live entry = new Live(s, declaration);
                changed |= !entry.equals(live.put(id, entry));
            } else {
                Live known = live.get(id);
                if (known != null && known.snippet() == s) {
                    live.remove(id);
                    changed = true;
                }
            }
        }
    }

    /** The declarations observed so far become those a restart replays. */
    synchronized void capture() {
        if (changed) {
            declarations = live.values().stream().map(Live::declaration).toList();
            changed = false;
        }
    }

    /** Starts over from all snippets of a (fresh) engine: after a restart has replayed into it. */
    synchronized void rebuild(Engine engine, SnippetOrigins origins) {
        JShell jshell = engine.jshell();
        live.clear();
        jshell.snippets()
                .filter(s -> !engine.startupSnippet(s))
                .filter(s -> origins.replayed(s.id()))
                .filter(s -> jshell.status(s).isActive())
                .forEach(s -> {
                    Declaration declaration = declarationOf(s, origins.find(s.id()));
                    if (declaration != null) {
                        live.put(idNumber(s.id()), new Live(s, declaration));
                    }
                });
        changed = true;
        capture();
    }

    List<Declaration> declarations() {
        return declarations;
    }

    synchronized void clear() {
        live.clear();
        changed = false;
        declarations = List.of();
    }

    private static Declaration declarationOf(Snippet s, SnippetOrigins.Origin origin) {
        return switch (s.kind()) {
            case IMPORT, METHOD, TYPE_DECL -> new Declaration(s.kind(), name(s), s.source(), origin);
            case VAR -> {
                VarSnippet var = (VarSnippet) s;
                if (var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                    yield null;
                }
                yield new Declaration(s.kind(), var.name(), var.typeName() + " " + var.name() + ";", origin);
            }
            default -> null;
        };
    }

    private static String name(Snippet s) {
        if (s instanceof jdk.jshell.ImportSnippet i) {
            return i.fullname();
        }
        if (s instanceof jdk.jshell.DeclarationSnippet d) {
            return d.name();
        }
        return s.source();
    }

    private static int idNumber(String id) {
        try {
            return Integer.parseInt(id.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
