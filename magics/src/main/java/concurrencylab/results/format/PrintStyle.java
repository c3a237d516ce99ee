package concurrencylab.results.format;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The look of every chart: for printed handouts, so large sans-serif fonts, white background, no frame. */
final class PrintStyle {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    /** Colors that stay apart in print and for common color blindness (Okabe and Ito). */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66),
            new Color(0, 0, 0)};

    private PrintStyle() {
    }

    static void apply(XYChart chart) {
        var styler = chart.getStyler();
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setPlotGridLinesColor(new Color(220, 220, 220));
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setAntiAlias(true);
    }
}
