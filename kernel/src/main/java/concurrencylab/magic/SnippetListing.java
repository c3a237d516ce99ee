package concurrencylab.magic;

import com.google.gson.JsonObject;
import concurrencylab.spi.MimeBundle;
import java.util.List;

/** A small table of what the notebook declared (plain text and HTML), for {@code %vars}, {@code %methods}, ... */
final class SnippetListing {

    private static final int LONGEST_VALUE = 60;

    private SnippetListing() {
    }

    static MimeBundle table(List<String> header, List<List<String>> rows, String empty) {
        JsonObject data = new JsonObject();
        if (rows.isEmpty()) {
            data.addProperty("text/plain", empty);
            return new MimeBundle(data, new JsonObject());
        }
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        header.forEach(title -> html.append("<th>").append(escape(title)).append("</th>"));
        html.append("</tr></thead><tbody>");
        appendRow(plain, header, widths);
        for (List<String> row : rows) {
            appendRow(plain, row, widths);
            html.append("<tr>");
            row.forEach(cell -> html.append("<td><code>").append(escape(cell)).append("</code></td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        data.addProperty("text/plain", plain.toString().stripTrailing());
        data.addProperty("text/html", html.toString());
        return new MimeBundle(data, new JsonObject());
    }

    /** A value as one short line: long ones end in an ellipsis. */
    static String shortValue(String value) {
        String line = value.replace('\n', ' ');
        return line.length() <= LONGEST_VALUE ? line : line.substring(0, LONGEST_VALUE - 1) + "…";
    }

    private static void appendRow(StringBuilder plain, List<String> row, int[] widths) {
        for (int column = 0; column < row.size(); column++) {
            String cell = row.get(column);
            plain.append(cell).append(column == row.size() - 1 ? "" : " ".repeat(widths[column] - cell.length() + 2));
        }
        plain.append('\n');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
