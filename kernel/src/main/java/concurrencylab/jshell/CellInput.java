package concurrencylab.jshell;

import concurrencylab.core.CellContext;
import concurrencylab.core.StdinNotAllowedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.in} of the runtime, as the kernel sees it: each line is asked of the front end
 * of the running cell ({@code input_request}). The runtime reads one byte per round trip, so a
 * line is kept here until it has been read.
 */
final class CellInput extends InputStream {

    private volatile CellContext cell;
    private volatile Runnable flushOutput = () -> { };
    private byte[] line = new byte[0];
    private int position;
    /** Why the running cell could not read input; Scanner swallows the IOException, so the cell's error names it. */
    private volatile String refusal;

    /** Called before asking, so what the cell printed as a prompt is shown first. */
    void flushOutputWith(Runnable flush) {
        this.flushOutput = flush;
    }

    void runningCell(CellContext running) {
        this.cell = running;
        this.refusal = null;
        synchronized (this) {
            line = new byte[0];
            position = 0;
        }
    }

    /** Why reading input failed in the running cell, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public synchronized int read() throws IOException {
        if (position >= line.length) {
            CellContext asking = cell;
            if (asking == null) {
                throw new IOException("no cell is running, so there is nobody to ask for input");
            }
            flushOutput.run();
            try {
                String answer = asking.readInput("", false);
                line = (answer + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            } catch (StdinNotAllowedException e) {
                if (refusal == null) {
                    asking.stream("stderr", e.getMessage() + "\n");
                }
                refusal = e.getMessage();
                throw new IOException(e.getMessage());
            } catch (InterruptedException e) {
                throw new IOException("input was interrupted");
            }
        }
        return line[position++] & 0xFF;
    }
}
