package concurrencylab.report;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A Gantt-style chart of a run: one row per worker, one bar per task from its start to its end. Bars that
 * overlap in time on different rows ran in parallel; one row taking turns is concurrency without parallelism.
 */
public final class TimelineChart {

    /** Beyond this many tasks the legend would crowd the plot, so bars are labeled by color only. */
    private static final int LEGEND_LIMIT = 12;

    private TimelineChart() {
    }

    public static XYChart of(RunResult run) {
        return of(run, PrintStyle.WIDTH, PrintStyle.HEIGHT);
    }

    public static XYChart of(RunResult run, int width, int height) {
        List<String> workers = new ArrayList<>(run.workers());
        workers.sort(null);
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title("Timeline: " + run.mode() + ", " + run.tasks().size() + " tasks on " + workers.size() + " workers")
                .xAxisTitle("time since start (ms)").yAxisTitle("worker").build();
        PrintStyle.apply(chart);
        chart.getStyler().setLegendVisible(run.tasks().size() <= LEGEND_LIMIT);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        float barWidth = Math.max(4f, Math.min(40f, (height - 150f) / (workers.size() * 1.6f)));
        for (TaskRecord task : run.tasks()) {
            double row = workers.indexOf(task.worker());
            double start = task.startNanos() / 1e6;
            double end = Math.max(task.endNanos() / 1e6, start + 0.01);
            XYSeries bar = chart.addSeries("task " + task.index() + (task.failed() ? " (failed)" : ""),
                    new double[] {start, end}, new double[] {row, row});
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineStyle(new BasicStroke(barWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        chart.getStyler().setYAxisMin(-0.6).setYAxisMax(workers.size() - 0.4).setXAxisMin(0.0);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(value -> {
            long row = Math.round(value);
            return Math.abs(value - row) < 1e-6 && row >= 0 && row < workers.size() ? workers.get((int) row) : "";
        });
        return chart;
    }
}
