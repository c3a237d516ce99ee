package concurrencylab.results.format;

import concurrencylab.results.Durations;
import concurrencylab.results.RunResult;
import concurrencylab.results.SpeedupPoint;
import concurrencylab.results.SpeedupResult;
import concurrencylab.results.TaskRecord;
import concurrencylab.results.ValueText;
import java.util.List;
import java.util.Locale;

/** Results as HTML for the notebook: a run's totals and task table, the speedup table, a progress bar. */
public final class HtmlFormat {

    private HtmlFormat() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A run: the totals line, then one row per task. */
    public static String run(RunResult run) {
        String totals = run.totalsLine();
        int colon = totals.indexOf(':');
        StringBuilder html = new StringBuilder("<p><b>" + escape(totals.substring(0, colon)) + "</b>"
                + escape(totals.substring(colon)) + (run.state().none() ? "" : "<br>" + escape(run.state().line())) + "</p>");
        // a body that returns nothing would fill the result column with nulls
        boolean resultColumn = run.hasResults() || !run.succeeded();
        html.append("<table><thead><tr><th>task</th><th>worker</th><th>start</th><th>wall</th><th>CPU</th>"
                + (resultColumn ? "<th>result</th>" : "") + "</tr></thead><tbody>");
        for (TaskRecord task : run.shownTasks()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
                    task.index(), escape(task.worker()), Durations.format(task.startNanos()),
                    Durations.format(task.wallNanos()), Durations.format(task.cpuNanos())));
            if (resultColumn) {
                html.append("<td>").append(task.failed()
                        ? "<span style=\"color:#b00\">FAILED: " + escape(task.failure().describe()) + "</span>"
                        : escape(ValueText.show(task.result()))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (run.shownTasks().size() < run.tasks().size()) {
            html.append("<p>").append(escape(run.hiddenTasksNote().strip())).append("</p>");
        }
        return html.toString();
    }

    /** The same as {@link SpeedupResult#text()}, as an HTML table. */
    public static String speedup(SpeedupResult result) {
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        for (String head : List.of("mode", "workers", "tasks", "time", "speedup", "efficiency")) {
            html.append("<th>").append(head).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (SpeedupPoint point : result.points()) {
            html.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    escape(point.mode()), point.workers(), point.tasks(), Durations.format(point.medianNanos()),
                    SpeedupResult.speedupText(point),
                    point.unstable() ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * point.efficiency())));
        }
        html.append("</tbody></table><p>");
        result.models().values().forEach(model -> html.append(escape(model.line())).append("<br>"));
        html.append(escape(result.resultsLine()));
        result.cautions().forEach(caution -> html.append("<br>").append(escape(caution)));
        html.append("<br>").append(escape(result.measuredLine())).append("</p>");
        return html.toString();
    }

    public static String progress(ProgressBar bar) {
        return String.format(Locale.ROOT, "<div>%s <progress value=\"%d\" max=\"%d\"></progress> %d/%d %s</div>",
                escape(bar.title()), bar.done(), bar.total(), bar.done(), bar.total(), escape(bar.current()));
    }
}
