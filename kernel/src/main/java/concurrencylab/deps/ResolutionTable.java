package concurrencylab.deps;

import com.google.gson.JsonObject;
import concurrencylab.spi.MimeBundle;
import java.util.List;

/** A resolution as one short table (plain text and HTML): artifacts and versions, then the conflicts settled. */
public final class ResolutionTable {

    private ResolutionTable() {
    }

    public static MimeBundle of(Resolution resolution) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", plain(resolution));
        data.addProperty("text/html", html(resolution));
        return new MimeBundle(data, new JsonObject());
    }

    static String plain(Resolution resolution) {
        List<Resolution.Artifact> artifacts = resolution.artifacts();
        int width = Math.max("artifact".length(), artifacts.stream().mapToInt(a -> a.key().length()).max().orElse(0));
        int versionWidth = Math.max("version".length(), artifacts.stream().mapToInt(a -> a.version().length()).max().orElse(0));
        StringBuilder text = new StringBuilder();
        if (!artifacts.isEmpty()) {
            text.append(pad("artifact", width)).append("  ").append(pad("version", versionWidth)).append('\n');
            for (Resolution.Artifact artifact : artifacts) {
                text.append(pad(artifact.key(), width)).append("  ").append(pad(artifact.version(), versionWidth))
                        .append(artifact.added() ? "  added" : "  already loaded").append('\n');
            }
        }
        for (Resolution.Conflict conflict : resolution.conflicts()) {
            text.append(conflict.line()).append('\n');
        }
        text.append(resolution.settings());
        return text.toString();
    }

    private static String html(Resolution resolution) {
        StringBuilder html = new StringBuilder("<table><thead><tr><th>artifact</th><th>version</th><th></th></tr></thead><tbody>");
        for (Resolution.Artifact artifact : resolution.artifacts()) {
            html.append("<tr><td><code>").append(escape(artifact.key())).append("</code></td><td>").append(escape(artifact.version()))
                    .append("</td><td>").append(artifact.added() ? "added" : "already loaded").append("</td></tr>");
        }
        html.append("</tbody></table>");
        for (Resolution.Conflict conflict : resolution.conflicts()) {
            html.append("<div>").append(escape(conflict.line())).append("</div>");
        }
        html.append("<div><small>").append(escape(resolution.settings())).append("</small></div>");
        return html.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
