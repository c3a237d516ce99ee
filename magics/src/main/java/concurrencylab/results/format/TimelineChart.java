package concurrencylab.results.format;

import concurrencylab.results.GilReport;
import concurrencylab.results.RunResult;
import concurrencylab.results.TaskRecord;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A Gantt-style chart of a run: one row per worker, one bar per task from its start to its end. Bars that
 * overlap in time on different rows ran in parallel; one row taking turns is concurrency without parallelism.
 * A {@code %%gil} run adds a thin black line where each thread held the lock.
 */
public final class TimelineChart {

    /** Beyond this many tasks numbers would crowd the bars, so they are told apart by color only. */
    private static final int LABEL_LIMIT = 40;

    private TimelineChart() {
    }

    public static XYChart of(RunResult run) {
        return of(run, LabStyle.WIDTH, LabStyle.HEIGHT);
    }

    public static XYChart of(RunResult run, int width, int height) {
        List<String> workers = new ArrayList<>(run.workers());
        workers.sort(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title("Timeline: " + run.mode() + ", " + run.tasks().size() + " tasks on " + workers.size() + " workers")
                .xAxisTitle("time since the run started (ms); bars are tasks, numbered"
                        + (run.gil() != null ? "; black: the thread holds the GIL" : "")).yAxisTitle("worker").build();
        LabStyle.apply(chart);
        // bars carry their task's name, so a legend would only repeat it
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
        chart.getStyler().setAnnotationTextFontColor(java.awt.Color.BLACK);
        chart.getStyler().setSeriesColors(LabStyle.PALETTE);
        float barWidth = Math.max(4f, Math.min(40f, (height - 150f) / (workers.size() * 1.6f)));
        for (TaskRecord task : run.tasks()) {
            double row = workers.indexOf(task.worker());
            double start = task.startNanos() / 1e6;
            double end = Math.max(task.endNanos() / 1e6, start + 0.01);
            XYSeries bar = chart.addSeries("task " + task.index() + (task.failed() ? " (failed)" : ""),
                    new double[] {start, end}, new double[] {row, row});
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineStyle(new BasicStroke(barWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            if (run.tasks().size() <= LABEL_LIMIT) {
                chart.addAnnotation(new AnnotationText(Integer.toString(task.index()), (start + end) / 2, row, false));
            }
        }
        if (run.gil() != null) {
            addLockHolds(chart, run, workers, Math.max(2f, barWidth / 4));
        }
        chart.getStyler().setYAxisMin(-0.6).setYAxisMax(workers.size() - 0.4).setXAxisMin(0.0);
        // XChart drops every tick label when two are equal, so ticks between rows get distinct invisible
        // labels. They must stay short: long ones (hundreds of zero-width characters) sent XChart's tick
        // layout into an endless loop for a single worker.
        java.util.function.Function<Double, String> rowNames = value -> {
            long row = Math.round(value);
            if (Math.abs(value - row) < 1e-6 && row >= 0 && row < workers.size()) {
                return workers.get((int) row);
            }
            return invisibleLabel(value);
        };
        chart.getStyler().setYAxisTickLabelsFormattingFunction(rowNames);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(rowNames);
        return chart;
    }

    /**
     * Under {@code %%gil}, a thin black line inside each worker's bars where that thread held the lock: one series
     * per worker, its holds separated by NaN gaps, and holds closer than a pixel joined (the old policy's
     * releases come thousands of times a second).
     */
    private static void addLockHolds(XYChart chart, RunResult run, List<String> workers, float lineWidth) {
        double pixelMillis = Math.max(1e-3, run.wallNanos() / 1e6 / LabStyle.WIDTH);
        for (String worker : workers) {
            List<double[]> spans = new ArrayList<>();
            for (GilReport.Hold hold : run.gil().holds()) {
                if (!hold.worker().equals(worker)) {
                    continue;
                }
                double start = hold.startNanos() / 1e6;
                double end = Math.max(hold.endNanos() / 1e6, start + pixelMillis / 2);
                if (!spans.isEmpty() && start - spans.get(spans.size() - 1)[1] < pixelMillis) {
                    spans.get(spans.size() - 1)[1] = end;
                } else {
                    spans.add(new double[] {start, end});
                }
            }
            if (spans.isEmpty()) {
                continue;
            }
            double row = workers.indexOf(worker);
            double[] xs = new double[spans.size() * 3];
            double[] ys = new double[spans.size() * 3];
            for (int i = 0; i < spans.size(); i++) {
                xs[3 * i] = spans.get(i)[0];
                xs[3 * i + 1] = spans.get(i)[1];
                xs[3 * i + 2] = spans.get(i)[1];
                ys[3 * i] = row;
                ys[3 * i + 1] = row;
                ys[3 * i + 2] = Double.NaN;
            }
            XYSeries line = chart.addSeries("holds the GIL: " + worker, xs, ys);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(java.awt.Color.BLACK);
            line.setLineStyle(new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
    }

    /** A label no one sees, different for every tick value: the value in base 3 written with zero-width characters. */
    static String invisibleLabel(double value) {
        String digits = "\u200B\u200C\u200D";
        long n = Math.round(value * 1000) + 1_000_000;
        StringBuilder label = new StringBuilder();
        do {
            label.append(digits.charAt((int) (n % 3)));
            n /= 3;
        } while (n > 0);
        return label.toString();
    }
}
