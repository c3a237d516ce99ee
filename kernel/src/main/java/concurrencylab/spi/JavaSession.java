package concurrencylab.spi;


/**
 * What the engine offers magics: running Java in the notebook's JShell (code executes in the runtime JVM).
 */
public interface JavaSession {

    /**
     * Runs user code exactly as a normal cell would (declarations persist, last expression is the result).
     * {@code firstLine} is where {@code code} starts in the cell, so errors point at the right line.
     */
    ExecuteOutcome execute(String code, int firstLine, CellContext cell);

    /**
     * Compiles a cell body as a task: a no-argument method returning the body's last expression (or null),
     * declared in JShell so it can call earlier methods and classes. Compile errors are reported against the
     * user's body lines. Returns the method's name, to be called from {@link #executeInternal}.
     */
    TaskDefinition defineTask(String body, int firstLine, CellContext cell);

    /**
     * Runs code the kernel generated (for example a call into the harness). Not stored in history,
     * not replayed after a runtime restart, and a compile error here is a kernel bug, reported as such.
     */
    ExecuteOutcome executeInternal(String code, CellContext cell);

    /** A task body compiled by {@link #defineTask}: either a method name, or the compile error to show. */
    record TaskDefinition(String methodName, ExecuteOutcome compileError) {
        public boolean ok() {
            return compileError == null;
        }
    }
}
