package concurrencylab.results.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.display.MimeData;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.junit.jupiter.api.Test;

/** A chart a notebook builds with XChart is shown in the lab's style, its own choices kept, as a sharp PNG. */
class LabStyleTest {

    private static CategoryChart notebookBars() {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(400).title("Locks")
                .xAxisTitle("fix").yAxisTitle("ms").build();
        chart.addSeries("time", List.of("synchronized", "AtomicLong", "LongAdder"), List.of(40, 25, 10));
        return chart;
    }

    private static BufferedImage shown(Object chart, Map<String, Map<String, Object>> expectedMetadata) throws Exception {
        MimeData rendered = new ChartRenderer().renderWithMetadata(chart, null);
        assertEquals(expectedMetadata, rendered.metadata());
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(rendered.data().get("image/png"))));
    }

    @Test
    void aNotebooksCategoryChartIsShownInTheLabStyleAtTwiceItsSize() throws Exception {
        CategoryChart chart = notebookBars();
        BufferedImage image = shown(chart, Map.of("image/png", Map.of("width", 640, "height", 400)));
        assertEquals(1280, image.getWidth());
        assertEquals(800, image.getHeight());
        var styler = chart.getStyler();
        assertEquals(Color.WHITE, styler.getPlotBackgroundColor());
        assertEquals(Color.WHITE, styler.getChartBackgroundColor());
        assertFalse(styler.isPlotBorderVisible());
        assertEquals(LabStyle.GRID_LINES, styler.getPlotGridLinesColor());
        assertEquals(LabStyle.TITLE_FONT, styler.getChartTitleFont());
        assertEquals(LabStyle.TICK_LABEL_FONT, styler.getAxisTickLabelsFont());
        assertArrayEquals(LabStyle.PALETTE, styler.getSeriesColors());
        assertTrue(styler.getAntiAlias());
        // the bars are drawn in the palette's first color: Okabe and Ito's blue, not XChart's
        assertTrue(countPixels(image, LabStyle.PALETTE[0]) > 10_000, "bars in the lab's blue");
        assertEquals(0, countPixels(image, styler.getTheme().getSeriesColors()[0]));
    }

    @Test
    void theNotebooksLayoutAndOwnChoicesStay() throws Exception {
        XYChart chart = new XYChartBuilder().width(500).height(300).title("Sleepers").build();
        chart.addSeries("threads", new double[] {1, 10, 100}, new double[] {1, 12, 130});
        var styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setXAxisLabelRotation(45);
        styler.setYAxisDecimalPattern("#,###");
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setLegendVisible(false);
        Font ownTitle = new Font(Font.SERIF, Font.ITALIC, 11);
        styler.setChartTitleFont(ownTitle);
        styler.setPlotBackgroundColor(Color.YELLOW);
        shown(chart, Map.of("image/png", Map.of("width", 500, "height", 300)));
        assertTrue(styler.isYAxisLogarithmic());
        assertEquals(Styler.LegendPosition.InsideSE, styler.getLegendPosition());
        assertFalse(styler.isLegendVisible());
        assertEquals(45, styler.getXAxisLabelRotation());
        assertEquals("#,###", styler.getYAxisDecimalPattern());
        assertEquals(ownTitle, styler.getChartTitleFont(), "a font the notebook chose");
        assertEquals(Color.YELLOW, styler.getPlotBackgroundColor(), "a color the notebook chose");
        assertEquals(LabStyle.AXIS_TITLE_FONT, styler.getAxisTitleFont(), "what it left alone is the lab's");
        assertEquals(500, chart.getWidth());
    }

    @Test
    void aChartWithAnotherThemeKeepsIt() throws Exception {
        XYChart chart = new XYChartBuilder().width(400).height(300).theme(Styler.ChartTheme.GGPlot2).build();
        chart.addSeries("a", new double[] {1, 2}, new double[] {1, 2});
        Color before = chart.getStyler().getPlotBackgroundColor();
        shown(chart, Map.of("image/png", Map.of("width", 400, "height", 300)));
        assertEquals(before, chart.getStyler().getPlotBackgroundColor());
    }

    @Test
    void aPieChartTakesTheBaseStyle() throws Exception {
        PieChart chart = new PieChartBuilder().width(400).height(400).title("Share").build();
        chart.addSeries("waiting", 70);
        chart.addSeries("working", 30);
        BufferedImage image = shown(chart, Map.of("image/png", Map.of("width", 400, "height", 400)));
        assertEquals(800, image.getWidth());
        assertEquals(Color.WHITE, chart.getStyler().getChartBackgroundColor());
        assertArrayEquals(LabStyle.PALETTE, chart.getStyler().getSeriesColors());
        assertTrue(countPixels(image, LabStyle.PALETTE[0]) > 10_000, "the first slice in the lab's blue");
    }

    @Test
    void theMagicsChartsKeepTheirLayout() {
        XYChart chart = SpeedupChart.of(ChartsTest.speedups());
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertEquals(LabStyle.WIDTH, chart.getWidth());
        assertEquals(LabStyle.TITLE_FONT, chart.getStyler().getChartTitleFont());
    }

    private static int countPixels(BufferedImage image, Color color) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }
}
