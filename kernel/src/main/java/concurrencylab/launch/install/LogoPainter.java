package concurrencylab.launch.install;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws the kernel logo at any size: three staggered lanes on a coffee-brown tile, the picture of
 * tasks running side by side. Shapes only, no text, so no fonts are needed at install time.
 */
final class LogoPainter {

    private static final Color TILE_TOP = new Color(0x8B, 0x4A, 0x2B);
    private static final Color TILE_BOTTOM = new Color(0x4E, 0x2A, 0x1A);
    private static final Color[] LANES = {
        new Color(0xF8, 0x98, 0x20), new Color(0xF2, 0xD0, 0x8A), new Color(0x5F, 0xB4, 0xE8)
    };
    /** Start and end of each lane as fractions of the width: they overlap, as concurrent tasks do. */
    private static final double[][] SPANS = {{0.16, 0.62}, {0.34, 0.84}, {0.22, 0.74}};

    private LogoPainter() {
    }

    static byte[] png(int size) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double arc = size * 0.25;
            g.setPaint(new GradientPaint(0, 0, TILE_TOP, 0, size, TILE_BOTTOM));
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, arc, arc));
            float laneHeight = size * 0.14f;
            g.setStroke(new BasicStroke(laneHeight, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int lane = 0; lane < LANES.length; lane++) {
                int y = Math.round(size * (0.3f + 0.2f * lane));
                g.setColor(LANES[lane]);
                g.drawLine((int) Math.round(size * SPANS[lane][0]), y, (int) Math.round(size * SPANS[lane][1]), y);
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
