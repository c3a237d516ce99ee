package concurrencylab.interpreter;

import com.google.gson.JsonObject;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.MimeBundle;
import concurrencylab.spi.StdinNotAllowedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A cell that records everything sent to it, and answers input from a queue. */
final class RecordingCell implements CellContext {

    record Display(MimeBundle bundle, String displayId, boolean update) {
    }

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String id = "cell-" + COUNT.incrementAndGet();
    private final int executionCount = COUNT.get();
    private final boolean allowStdin;
    private final Deque<String> answers = new ArrayDeque<>();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<Display> displays = new ArrayList<>();
    private final List<JsonObject> payloads = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();
    private int clears;
    private volatile boolean interruptRequested;

    RecordingCell() {
        this(false);
    }

    RecordingCell(boolean allowStdin, String... answers) {
        this.allowStdin = allowStdin;
        this.answers.addAll(List.of(answers));
    }

    @Override
    public String cellId() {
        return id;
    }

    @Override
    public int executionCount() {
        return executionCount;
    }

    @Override
    public boolean silent() {
        return false;
    }

    @Override
    public boolean allowStdin() {
        return allowStdin;
    }

    @Override
    public synchronized void stream(String name, String text) {
        (name.equals("stdout") ? stdout : stderr).append(text);
        notifyAll();
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId, boolean update) {
        displays.add(new Display(bundle, displayId, update));
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        clears++;
    }

    @Override
    public synchronized String readInput(String prompt, boolean password) throws StdinNotAllowedException {
        if (!allowStdin) {
            throw new StdinNotAllowedException();
        }
        prompts.add(prompt);
        return answers.isEmpty() ? "" : answers.pop();
    }

    @Override
    public synchronized void addPayload(JsonObject payload) {
        payloads.add(payload);
    }

    /** As the kernel does when an interrupt comes before the interpreter began running this cell. */
    void interruptBeforeItBegins() {
        interruptRequested = true;
    }

    /** As the kernel does when an interrupt comes while the cell runs (the interpreter is told as well). */
    void interruptWhileRunning() {
        interruptRequested = true;
    }

    @Override
    public boolean interruptRequested() {
        return interruptRequested;
    }

    synchronized String stdout() {
        return stdout.toString();
    }

    synchronized String stderr() {
        return stderr.toString();
    }

    synchronized List<Display> displays() {
        return List.copyOf(displays);
    }

    synchronized List<JsonObject> payloads() {
        return List.copyOf(payloads);
    }

    synchronized int prompts() {
        return prompts.size();
    }

    synchronized int clears() {
        return clears;
    }

    /** Waits (without polling) until stdout contains {@code text}, or the time is up. */
    synchronized boolean awaitStdout(String text, long millis) throws InterruptedException {
        return await(stdout, text, millis);
    }

    synchronized boolean awaitStderr(String text, long millis) throws InterruptedException {
        return await(stderr, text, millis);
    }

    private synchronized boolean await(StringBuilder stream, String text, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!stream.toString().contains(text)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
