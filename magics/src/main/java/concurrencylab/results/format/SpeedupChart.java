package concurrencylab.results.format;

import concurrencylab.results.AmdahlFit;
import concurrencylab.results.ScalingModel;
import concurrencylab.results.SpeedupPoint;
import concurrencylab.results.SpeedupResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Speedup against workers: one line with markers per mode, the ideal line (speedup = workers), and per mode
 * that has one its Amdahl fit as a dashed curve whose legend entry states the serial fraction; the legend sits
 * below the plot.
 */
public final class SpeedupChart {

    private SpeedupChart() {
    }

    public static XYChart of(SpeedupResult result) {
        return of(result, LabStyle.WIDTH, LabStyle.HEIGHT);
    }

    public static XYChart of(SpeedupResult result, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title("Speedup over serial")
                .xAxisTitle("workers (threads or processes)").yAxisTitle("speedup (serial time / time, ×)").build();
        LabStyle.apply(chart);
        int maxWorkers = result.points().stream().mapToInt(SpeedupPoint::workers).max().orElse(1);
        double[] ideal = IntStream.rangeClosed(1, maxWorkers).asDoubleStream().toArray();
        XYSeries idealLine = chart.addSeries("ideal", ideal, ideal);
        idealLine.setMarker(SeriesMarkers.NONE);
        idealLine.setLineStyle(SeriesLines.DOT_DOT);
        idealLine.setLineColor(java.awt.Color.GRAY);
        Map<String, ScalingModel> models = result.models();
        int modeNumber = 0;
        for (String mode : result.modes()) {
            java.awt.Color color = LabStyle.PALETTE[modeNumber++ % LabStyle.PALETTE.length];
            List<SpeedupPoint> points = result.pointsOf(mode);
            double[] x = points.stream().mapToDouble(SpeedupPoint::workers).toArray();
            double[] y = points.stream().mapToDouble(SpeedupPoint::speedup).toArray();
            XYSeries measured = chart.addSeries(mode, x, y);
            measured.setMarker(SeriesMarkers.CIRCLE);
            measured.setLineColor(color);
            measured.setMarkerColor(color);
            measured.setLineWidth(2.5f);
            AmdahlFit fit = models.containsKey(mode) ? models.get(mode).fit() : null;
            if (fit != null) {
                double[] fx = IntStream.rangeClosed(0, 40).mapToDouble(step -> 1 + step * (maxWorkers - 1) / 40.0).toArray();
                double[] fy = java.util.Arrays.stream(fx).map(fit::speedup).toArray();
                XYSeries curve = chart.addSeries(String.format(Locale.ROOT, "%s, Amdahl fit (serial %.1f%%)", mode,
                        100 * fit.serialFraction()), fx, fy);
                curve.setMarker(SeriesMarkers.NONE);
                curve.setLineStyle(SeriesLines.DASH_DASH);
                curve.setLineColor(color);
            }
        }
        chart.getStyler().setXAxisMin(1.0).setYAxisMin(0.0).setXAxisDecimalPattern("0");
        // beside the plot, never over it: points near one worker sit where an inside legend would go
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        return chart;
    }
}
