package concurrencylab.results.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** A chart and the image format it should be shown in; renders to Jupyter mime data. */
public record ChartImage(Chart<?, ?> chart, Format format) {

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

    public byte[] png() throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    public String svg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Mime type to content (binary base64-encoded), with a {@code text/plain} description beside the image. */
    public Map<String, String> mimeData() throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        if (format == Format.SVG) {
            data.put(Format.SVG.mime, svg());
        } else {
            data.put(Format.PNG.mime, Base64.getEncoder().encodeToString(png()));
        }
        data.put("text/plain", toString());
        return data;
    }

    @Override
    public String toString() {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "chart" : chart.getTitle();
        return "<" + title + ": " + chart.getWidth() + "×" + chart.getHeight() + " " + format.name() + ">";
    }
}
