package concurrencylab.engine.supervision;

import concurrencylab.engine.SnippetOrigins;
import concurrencylab.engine.Engine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The notebook's live declarations, kept up to date while the engine lives, so they can be
 * replayed into a fresh runtime. Imports, methods and types are replayed as written; variables are
 * declared again without their initializers (re-running those could repeat side effects or the very
 * work that got the runtime killed), so their values are lost.
 */
final class DeclarationLog {

    record Declaration(Snippet.Kind kind, String name, String source, SnippetOrigins.Origin origin) {
    }

    private volatile List<Declaration> declarations = List.of();

    void capture(Engine engine, SnippetOrigins origins) {
        JShell jshell = engine.jshell();
        List<Declaration> live = new ArrayList<>();
        jshell.snippets()
                .filter(s -> !engine.startupSnippet(s))
                .filter(s -> origins.replayed(s.id()))
                .filter(s -> jshell.status(s).isActive())
                .sorted(Comparator.comparingInt(s -> idNumber(s.id())))
                .forEach(s -> {
                    Declaration declaration = declarationOf(s, origins.find(s.id()));
                    if (declaration != null) {
                        live.add(declaration);
                    }
                });
        declarations = List.copyOf(live);
    }

    List<Declaration> declarations() {
        return declarations;
    }

    void clear() {
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
