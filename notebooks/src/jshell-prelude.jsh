// Stand-ins for the Concurrency Lab kernel's helpers, so the notebook Java can be checked with plain jshell.
// The imports are exactly the kernel's default imports: a notebook that needs more must import it.
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;
import java.time.*;
import java.io.*;
import java.nio.file.*;
import java.net.*;
import java.net.http.*;

record Markdown(String text) {}
record Html(String text) {}
Markdown markdown(String text) { return new Markdown(text); }
Html html(String text) { return new Html(text); }
String show$(Object value) {
    if (value instanceof org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        var image = org.knowm.xchart.BitmapEncoder.getBufferedImage(chart);
        return "[chart " + image.getWidth() + "x" + image.getHeight() + "]";
    }
    if (value instanceof java.awt.image.BufferedImage image) return "[image " + image.getWidth() + "x" + image.getHeight() + "]";
    return String.valueOf(value);
}
int displays$ = 0;
String display(Object value) { System.out.println("[display] " + show$(value)); return "display-" + (++displays$); }
String display(Object value, String mimeType) { System.out.println("[display " + mimeType + "] " + show$(value)); return "display-" + (++displays$); }
void updateDisplay(String id, Object value) { System.out.println("[update " + id + "] " + show$(value)); }
void clearOutput() { System.out.println("[clear output]"); }
class Task { static int index() { return 0; } static int count() { return 1; } }
