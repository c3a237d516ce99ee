package concurrencylab.engine;

import com.google.gson.JsonObject;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.MimeBundle;
import concurrencylab.spi.StdinNotAllowedException;

/**
 * A cell as the runtime's output reaches it: stack traces printed by notebook threads, tasks and worker
 * JVMs name cell lines instead of JShell's classes. Everything else goes to the cell unchanged.
 */
final class FramesInOutput implements CellContext {

    private final CellContext cell;
    private final SnippetFrames frames;

    FramesInOutput(CellContext cell, SnippetFrames frames) {
        this.cell = cell;
        this.frames = frames;
    }

    @Override
    public String cellId() {
        return cell.cellId();
    }

    @Override
    public int executionCount() {
        return cell.executionCount();
    }

    @Override
    public boolean silent() {
        return cell.silent();
    }

    @Override
    public boolean allowStdin() {
        return cell.allowStdin();
    }

    @Override
    public void stream(String name, String text) {
        cell.stream(name, frames.inText(text, cell.executionCount()));
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        cell.display(bundle, displayId, update);
    }

    @Override
    public void clearOutput(boolean wait) {
        cell.clearOutput(wait);
    }

    @Override
    public String readInput(String prompt, boolean password) throws StdinNotAllowedException, InterruptedException {
        return cell.readInput(prompt, password);
    }

    @Override
    public void addPayload(JsonObject payload) {
        cell.addPayload(payload);
    }

    @Override
    public boolean interruptRequested() {
        return cell.interruptRequested();
    }
}
