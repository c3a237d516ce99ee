package concurrencylab.report;

import java.util.Locale;

/** A run as HTML: the totals line, then one row per task. */
final class RunTable {

    private RunTable() {
    }

    static String html(RunResult run) {
        StringBuilder html = new StringBuilder(String.format(Locale.ROOT,
                "<p><b>%s</b>: %d tasks on %d workers — wall %s, CPU %s, parallelism %.2f</p>",
                Html.escape(run.mode()), run.tasks().size(), run.workersUsed(), Durations.format(run.wallNanos()),
                Durations.format(run.cpuNanos()), run.parallelism()));
        html.append("<table><thead><tr><th>task</th><th>worker</th><th>start</th><th>wall</th><th>CPU</th>"
                + "<th>result</th></tr></thead><tbody>");
        for (TaskRecord task : run.shownTasks()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    task.index(), Html.escape(task.worker()), Durations.format(task.startNanos()),
                    Durations.format(task.wallNanos()), Durations.format(task.cpuNanos()),
                    task.failed() ? "<span style=\"color:#b00\">FAILED: " + Html.escape(task.failure().describe()) + "</span>"
                            : Html.escape(Values.show(task.result()))));
        }
        html.append("</tbody></table>");
        if (run.shownTasks().size() < run.tasks().size()) {
            html.append("<p>").append(Html.escape(run.hiddenTasksNote().strip())).append("</p>");
        }
        return html.toString();
    }
}
