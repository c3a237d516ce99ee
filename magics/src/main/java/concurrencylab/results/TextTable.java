package concurrencylab.results;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: text left, numbers right. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (List<String> row : withHeader()) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : withHeader()) {
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                String padding = " ".repeat(widths[column] - cell.length());
                boolean numeric = !cell.isEmpty() && Character.isDigit(cell.charAt(0));
                text.append(column == 0 ? "" : "  ").append(numeric ? padding + cell : cell + padding);
            }
            text.append('\n');
        }
        return text.toString().replaceAll(" +\n", "\n");
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
