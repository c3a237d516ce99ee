package concurrencylab.display;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** HTML, Markdown and images; everything else is left to other renderers or plain text. */
final class BuiltinRenderer implements Renderer {

    @Override
    public Map<String, String> render(Object value, String requestedMime) throws Exception {
        if (value instanceof Html html) {
            return Map.of("text/html", html.source());
        }
        if (value instanceof Markdown markdown) {
            return Map.of("text/markdown", markdown.source());
        }
        if (value instanceof RenderedImage image) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Map.of("image/png", Base64.getEncoder().encodeToString(png.toByteArray()),
                    "text/plain", "image " + image.getWidth() + "x" + image.getHeight());
        }
        return null;
    }
}
