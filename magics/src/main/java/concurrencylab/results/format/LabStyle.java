package concurrencylab.results.format;

import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.theme.Theme;
import org.knowm.xchart.style.theme.XChartTheme;

/**
 * The lab's one chart look, for the magics' charts and every XChart chart a notebook shows: large sans-serif
 * fonts for printed handouts, colors that stay apart in print and for common color blindness (Okabe and Ito),
 * white backgrounds, light grid lines, no frame, antialiasing.
 *
 * <p>{@link ChartImage} applies it when it renders, so a notebook's chart wears it without a call. It sets only
 * what still has XChart's default: a font or color the notebook chose stays, a chart built with another XChart
 * theme keeps that theme, and layout (axes, log scales, legend position and visibility, label rotation,
 * number patterns, size) is never touched.
 */
public final class LabStyle {

    /** The size of the magics' charts (CSS pixels; the PNG has twice as many). */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    /** Okabe and Ito's colors, in their order. */
    public static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66),
            new Color(0, 0, 0)};

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font TICK_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Color GRID_LINES = new Color(220, 220, 220);
    static final Color LEGEND_BORDER = new Color(200, 200, 200);

    private LabStyle() {
    }

    /** Gives {@code chart} the lab's look where it still has XChart's default; returns it. */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Styler styler = chart.getStyler();
        Theme theme = styler.getTheme();
        if (theme.getClass() != XChartTheme.class) {
            return chart;
        }
        ifDefault(styler::getChartTitleFont, theme.getChartTitleFont(), styler::setChartTitleFont, TITLE_FONT);
        ifDefault(styler::getLegendFont, theme.getLegendFont(), styler::setLegendFont, LEGEND_FONT);
        ifDefault(styler::getChartBackgroundColor, theme.getChartBackgroundColor(), styler::setChartBackgroundColor, Color.WHITE);
        ifDefault(styler::getPlotBackgroundColor, theme.getPlotBackgroundColor(), styler::setPlotBackgroundColor, Color.WHITE);
        ifDefault(styler::isPlotBorderVisible, theme.isPlotBorderVisible(), styler::setPlotBorderVisible, false);
        ifDefault(styler::isChartTitleBoxVisible, theme.isChartTitleBoxVisible(), styler::setChartTitleBoxVisible, false);
        ifDefault(styler::getLegendBorderColor, theme.getLegendBorderColor(), styler::setLegendBorderColor, LEGEND_BORDER);
        if (Arrays.equals(styler.getSeriesColors(), theme.getSeriesColors())) {
            styler.setSeriesColors(PALETTE);
        }
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler axes) {
            ifDefault(axes::getAxisTitleFont, theme.getAxisTitleFont(), axes::setAxisTitleFont, AXIS_TITLE_FONT);
            ifDefault(axes::getAxisTickLabelsFont, theme.getAxisTickLabelsFont(), axes::setAxisTickLabelsFont, TICK_LABEL_FONT);
            ifDefault(axes::getPlotGridLinesColor, theme.getPlotGridLinesColor(), axes::setPlotGridLinesColor, GRID_LINES);
        }
        return chart;
    }

    private static <T> void ifDefault(Supplier<T> current, T xchartDefault, Consumer<T> set, T lab) {
        if (Objects.equals(current.get(), xchartDefault)) {
            set.accept(lab);
        }
    }
}
