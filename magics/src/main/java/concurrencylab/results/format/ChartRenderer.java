package concurrencylab.results.format;

import concurrencylab.display.MimeData;
import concurrencylab.display.Renderer;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders XChart charts in the notebook, the magics' and the notebook's own alike, in the {@link LabStyle}: PNG
 * at twice the chart's size with metadata that shows it at its size, unless SVG was asked for (by the caller or a
 * {@link ChartImage}).
 */
public final class ChartRenderer implements Renderer {

    @Override
    public Map<String, String> render(Object value, String requestedMime) throws Exception {
        MimeData rendered = renderWithMetadata(value, requestedMime);
        return rendered == null ? null : rendered.data();
    }

    @Override
    public MimeData renderWithMetadata(Object value, String requestedMime) throws Exception {
        if (value instanceof ChartImage image) {
            return requestedMime == null ? image.mimeData()
                    : new ChartImage(image.chart(), ChartImage.Format.forMime(requestedMime)).mimeData();
        }
        if (value instanceof Chart<?, ?> chart) {
            return new ChartImage(chart, ChartImage.Format.forMime(requestedMime)).mimeData();
        }
        return null;
    }
}
