package concurrencylab.engine;

import concurrencylab.spi.CellContext;
import concurrencylab.spi.StdinNotAllowedException;
import java.io.IOException;

/**
 * {@code System.in} of the runtime, as the kernel sees it: when a runtime thread needs a line, the
 * front end of the running cell is asked for it ({@code input_request}); the whole line goes back
 * in one side-channel frame.
 */
public final class CellInput {

    private volatile CellContext cell;
    private volatile Runnable flushOutput = () -> { };
    /** Why the running cell could not read input; Scanner swallows the IOException, so the cell's error names it. */
    private volatile String refusal;

    /** Called before asking, so what the cell printed as a prompt is shown first. */
    public void flushOutputWith(Runnable flush) {
        this.flushOutput = flush;
    }

    public void runningCell(CellContext running) {
        this.cell = running;
        this.refusal = null;
    }

    /** Why reading input failed in the running cell, or null. */
    public String refusal() {
        return refusal;
    }

    /** Asks the running cell's front end for one line (without its newline), after showing pending output. */
    synchronized String nextLine() throws IOException {
        CellContext asking = cell;
        if (asking == null) {
            throw new IOException("no cell is running, so there is nobody to ask for input");
        }
        flushOutput.run();
        try {
            return asking.readInput("", false);
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
}
