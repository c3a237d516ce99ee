package concurrencylab.results.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.results.AmdahlFit;
import concurrencylab.results.GilReport;
import concurrencylab.results.Environment;
import concurrencylab.results.RunResult;
import concurrencylab.results.SpeedupPoint;
import concurrencylab.results.SpeedupResult;
import concurrencylab.results.TaskRecord;
import concurrencylab.display.MimeData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartsTest {

    static SpeedupResult speedups() {
        long serial = 1_000_000_000L;
        List<SpeedupPoint> points = List.of(
                new SpeedupPoint("threads", 1, 1, List.of(serial), serial, serial),
                new SpeedupPoint("threads", 2, 2, List.of(serial / 2 + 20_000_000), serial / 2 + 20_000_000, serial),
                new SpeedupPoint("threads", 4, 4, List.of(serial / 3), serial / 3, serial),
                new SpeedupPoint("processes", 1, 1, List.of(serial + 50_000_000), serial + 50_000_000, serial),
                new SpeedupPoint("processes", 2, 2, List.of(serial * 6 / 10), serial * 6 / 10, serial),
                new SpeedupPoint("processes", 4, 4, List.of(serial * 4 / 10), serial * 4 / 10, serial));
        return new SpeedupResult(points, List.of(), new Environment(8, "25", "G1", 1L << 30), 1);
    }

    @Test
    void speedupChartIsAPngOfTheRequestedSizeWithIdealLineModesAndFits() throws Exception {
        XYChart chart = SpeedupChart.of(speedups(), 640, 400);
        assertEquals(Set.of("ideal", "threads", "processes"), Set.copyOf(names(chart).stream()
                .filter(name -> !name.contains("Amdahl")).toList()));
        assertTrue(names(chart).stream().anyMatch(name -> name.matches("threads, Amdahl fit \\(serial \\d+\\.\\d%\\)")),
                names(chart).toString());
        assertEquals("workers (threads or processes)", chart.getXAxisTitle());
        // the legend sits below the plot, where it covers no point
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertTrue(chart.getYAxisTitle().contains("×"));
        MimeData rendered = new ChartRenderer().renderWithMetadata(chart, null);
        Map<String, String> data = rendered.data();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.get("image/png"))));
        assertNotNull(image);
        assertEquals(1280, image.getWidth(), "twice the chart's width: sharp in print");
        assertEquals(800, image.getHeight());
        assertEquals(Map.of("image/png", Map.of("width", 640, "height", 400)), rendered.metadata(),
                "shown at the chart's own size");
        assertTrue(hasManyColors(image), "the PNG is blank");
        assertTrue(data.get("text/plain").contains("Speedup over serial"));
    }

    @Test
    void svgIsGivenWhenAsked() throws Exception {
        MimeData rendered = new ChartRenderer().renderWithMetadata(ChartImage.of(SpeedupChart.of(speedups()), true), null);
        String svg = rendered.data().get("image/svg+xml");
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.length() > 2000);
        assertEquals(Map.of(), rendered.metadata(), "an SVG has its size in itself");
    }

    @Test
    void timelineHasOneBarPerTaskAndOneRowPerWorker() throws Exception {
        List<TaskRecord> tasks = List.of(
                new TaskRecord(0, "threads-1", 0, 40_000_000, 40_000_000, 1, null),
                new TaskRecord(1, "threads-2", 1_000_000, 38_000_000, 38_000_000, 2, null),
                new TaskRecord(2, "threads-1", 41_000_000, 30_000_000, 30_000_000, 3, null));
        RunResult run = new RunResult("threads", 2, tasks, 72_000_000, 108_000_000);
        XYChart chart = TimelineChart.of(run, 800, 500);
        assertEquals(List.of("task 0", "task 1", "task 2"), List.copyOf(names(chart)));
        assertEquals("threads-2", chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(1.0));
        assertTrue(chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(0.5).replaceAll("[\u200B\u200C\u200D]", "").isEmpty(),
                "no name between rows");
        byte[] png = ChartImage.of(chart, false).png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1600, image.getWidth());
        assertEquals(1000, image.getHeight());
        assertTrue(hasManyColors(image));
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void timelineOfASingleWorkerRenders() throws Exception {
        // One row made XChart's tick layout loop forever with long invisible labels.
        List<TaskRecord> tasks = List.of(
                new TaskRecord(0, "threads-1", 0, 50_000_000, 50_000_000, 0, null),
                new TaskRecord(1, "threads-1", 50_000_000, 50_000_000, 50_000_000, 1, null));
        RunResult run = new RunResult("threads", 1, tasks, 100_000_000, 100_000_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartImage.of(TimelineChart.of(run, 800, 500), false).png()));
        assertEquals(1600, image.getWidth());
    }

    @Test
    void aGilTimelineDrawsWhoHeldTheLockInsideEachWorkersRow() {
        List<TaskRecord> tasks = List.of(new TaskRecord(0, "gil-1", 0, 40_000_000, 20_000_000, 1L, null),
                new TaskRecord(1, "gil-2", 0, 40_000_000, 20_000_000, 2L, null));
        List<GilReport.Hold> holds = List.of(new GilReport.Hold("gil-1", 0, 10_000_000),
                new GilReport.Hold("gil-2", 10_000_000, 20_000_000), new GilReport.Hold("gil-1", 20_000_000, 30_000_000),
                new GilReport.Hold("gil-2", 30_000_000, 40_000_000));
        GilReport gil = new GilReport("new", 5_000_000, 4, 3, 3, 3, 0, 0, holds, 0);
        XYChart chart = TimelineChart.of(new RunResult("gil", 2, tasks, 40_000_000, 40_000_000, gil), 800, 500);
        List<String> lines = names(chart).stream().filter(name -> name.startsWith("holds the GIL")).toList();
        assertEquals(List.of("holds the GIL: gil-1", "holds the GIL: gil-2"), lines);
        // two holds each, apart: a gap (NaN) between them
        double[] ys = chart.getSeriesCollection().stream().filter(series -> series.getName().equals("holds the GIL: gil-1"))
                .findFirst().orElseThrow().getYData();
        assertEquals(6, ys.length);
        assertTrue(Double.isNaN(ys[2]));
        assertTrue(chart.getXAxisTitle().contains("black: the thread holds the GIL"), chart.getXAxisTitle());
    }

    @Test
    void amdahlFitRecoversTheSerialFraction() {
        AmdahlFit truth = new AmdahlFit(0.1);
        AmdahlFit fit = AmdahlFit.of(List.of(new AmdahlFit.Point(1, 1), new AmdahlFit.Point(2, truth.speedup(2)),
                new AmdahlFit.Point(4, truth.speedup(4)), new AmdahlFit.Point(8, truth.speedup(8))));
        assertEquals(0.1, fit.serialFraction(), 1e-9);
        assertEquals(0.0, AmdahlFit.of(List.of(new AmdahlFit.Point(2, 2.5))).serialFraction());
    }

    @Test
    void speedupTableReadsAsTextAndHtml() {
        SpeedupResult result = speedups();
        String text = result.text();
        assertTrue(text.contains("mode"), text);
        assertTrue(text.contains("2.00×") || text.contains("1.92×"), text);
        assertTrue(text.contains("Every mode computed the same result"), text);
        assertTrue(text.contains("cores, JDK"), text);
        assertTrue(HtmlFormat.speedup(result).startsWith("<table>"));
        assertTrue(new ResultRenderer().render(result, null).containsKey("text/html"));
    }

    private static List<String> names(XYChart chart) {
        return chart.getSeriesCollection().stream().map(series -> series.getName()).toList();
    }

    private static boolean hasManyColors(BufferedImage image) {
        java.util.Set<Integer> colors = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colors.add(image.getRGB(x, y));
            }
        }
        return colors.size() > 5;
    }
}
