package concurrencylab.cells;

/** One snippet of a cell: its source as JShell gets it, and where it starts in the cell text. */
public record Piece(String source, int offset) {
}
