package concurrencylab.spi;

/**
 * The language side of the kernel: the only hooks the protocol core calls.
 *
 * <p>Like xeus' {@code xinterpreter}: the core owns execution counts, {@code execute_input},
 * busy/idle, history and reply stamping; an interpreter only fills these narrow hooks and
 * returns values. Calls to {@code execute}, {@code complete}, {@code inspect} and
 * {@code isComplete} come from the shell thread one at a time; {@link #interrupt()} and
 * {@link #shutdown(boolean)} come from the control thread while a cell may be running.
 */
public interface Interpreter {

    /** Starts the engine in the background; returns at once so {@code kernel_info} is never delayed. */
    void start();

    /** {@code language_info} of {@code kernel_info_reply}; must not wait for {@link #start()}. */
    LanguageInfo languageInfo();

    /** Runs one cell. Output (also from threads that outlive the cell) goes to {@code cell}. */
    ExecuteOutcome execute(String code, CellContext cell);

    /** Evaluates one {@code user_expressions} entry after a successful cell. */
    ExpressionValue evaluateExpression(String expression);

    Completion complete(String code, int cursorPos);

    Inspection inspect(String code, int cursorPos, int detailLevel);

    /** One of {@code complete}, {@code incomplete}, {@code invalid}, {@code unknown}, with an indent for incomplete. */
    IsComplete isComplete(String code);

    /** Stops the running cell (control thread). Must return quickly; escalation is the interpreter's job. */
    void interrupt();

    /** Releases everything; with {@code restart} the kernel process is about to be restarted by the client. */
    void shutdown(boolean restart);
}
