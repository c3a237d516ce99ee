package concurrencylab.results.format;

import concurrencylab.display.MimeData;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart and the image format it should be shown in; renders to Jupyter mime data in the {@link LabStyle}.
 * A PNG has {@link #PIXEL_DENSITY} pixels per CSS pixel, so it stays sharp in print, and its display
 * metadata shows it at the chart's own size on screen.
 */
public record ChartImage(Chart<?, ?> chart, Format format) {

    /** Image pixels per CSS pixel of a PNG chart: two, as on a "retina" screen, which prints at about 200 dpi. */
    public static final int PIXEL_DENSITY = 2;

    public enum Format {
        PNG("image/png"), SVG("image/svg+xml");

        public final String mime;

        Format(String mime) {
            this.mime = mime;
        }

        public static Format forMime(String mime) {
            return mime != null && mime.equals(SVG.mime) ? SVG : PNG;
        }
    }

    public static ChartImage of(Chart<?, ?> chart, boolean svg) {
        return new ChartImage(chart, svg ? Format.SVG : Format.PNG);
    }

    /** The chart painted into a Graphics2D scaled by {@link #PIXEL_DENSITY}: every line and letter drawn at that resolution. */
    public byte[] png() throws IOException {
        LabStyle.apply(chart);
        int width = chart.getWidth();
        int height = chart.getHeight();
        BufferedImage image = new BufferedImage(width * PIXEL_DENSITY, height * PIXEL_DENSITY, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.scale(PIXEL_DENSITY, PIXEL_DENSITY);
            chart.paint(graphics, width, height);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public String svg() throws IOException {
        LabStyle.apply(chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Mime type to content (binary base64-encoded), with a {@code text/plain} description beside the image;
     * a PNG's metadata gives the chart's size to show it at.
     */
    public MimeData mimeData() throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        if (format == Format.SVG) {
            data.put(Format.SVG.mime, svg());
            data.put("text/plain", toString());
            return MimeData.of(data);
        }
        data.put(Format.PNG.mime, Base64.getEncoder().encodeToString(png()));
        data.put("text/plain", toString());
        return MimeData.of(data).shownAt(Format.PNG.mime, chart.getWidth(), chart.getHeight());
    }

    @Override
    public String toString() {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "chart" : chart.getTitle();
        return "<" + title + ": " + chart.getWidth() + "×" + chart.getHeight() + " " + format.name() + ">";
    }
}
