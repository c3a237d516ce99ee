package concurrencylab.display;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** HTML, Markdown and images; everything else is left to other renderers or plain text. */
final class BuiltinRenderer implements Renderer {

    /**
     * Images narrower than this are sent with each pixel doubled and shown at their own size: a printed page
     * then gets two image pixels per screen pixel, as it does from a chart, and prints crisp edges instead of
     * the blur of a small image stretched by the printer. Doubling adds no detail: draw at twice the size
     * ({@code g.scale(2, 2)}) for finer text. Wider images print sharp as they are.
     */
    static final int PRINT_SHARP_WIDTH = 1600;

    @Override
    public Map<String, String> render(Object value, String requestedMime) throws Exception {
        MimeData rendered = renderWithMetadata(value, requestedMime);
        return rendered == null ? null : rendered.data();
    }

    @Override
    public MimeData renderWithMetadata(Object value, String requestedMime) throws Exception {
        if (value instanceof Html html) {
            return MimeData.of(Map.of("text/html", html.source()));
        }
        if (value instanceof Markdown markdown) {
            return MimeData.of(Map.of("text/markdown", markdown.source()));
        }
        if (value instanceof RenderedImage image) {
            return image(image);
        }
        return null;
    }

    private static MimeData image(RenderedImage image) throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("text/plain", "image " + image.getWidth() + "x" + image.getHeight());
        if (image.getWidth() >= PRINT_SHARP_WIDTH) {
            data.put("image/png", png(image));
            return MimeData.of(data);
        }
        data.put("image/png", png(doubled(image)));
        return MimeData.of(data).shownAt("image/png", image.getWidth(), image.getHeight());
    }

    /** Every pixel as two by two: nearest neighbour, so edges stay as hard as they were drawn. */
    private static BufferedImage doubled(RenderedImage image) {
        BufferedImage big = new BufferedImage(image.getWidth() * 2, image.getHeight() * 2, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawRenderedImage(image, AffineTransform.getScaleInstance(2, 2));
        } finally {
            g.dispose();
        }
        return big;
    }

    private static String png(RenderedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
