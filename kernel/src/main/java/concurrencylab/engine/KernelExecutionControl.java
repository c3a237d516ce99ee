package concurrencylab.engine;

import concurrencylab.agent.wire.RuntimeProtocol;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.StreamingExecutionControl;

/**
 * The kernel's end of the JShell engine stream. Stop goes over the side channel: the engine
 * stream is waiting for the running snippet's reply, so a stop sent there would only be read after it.
 * The running cell travels with its first invoke (see {@link RuntimeProtocol}), and each invoke returns
 * once the snippet's output has reached its cell, so a cell needs no round trips beyond JShell's own.
 */
final class KernelExecutionControl extends StreamingExecutionControl {

    /** How long an invoke that returned waits for the output the runtime sent before its reply. */
    private static final long SNIPPET_OUTPUT_TIMEOUT_MILLIS = 5_000;

    private final RuntimeConnection connection;
    /** Numbers the cells run on this runtime, so that a stop names the cell it is for. */
    private volatile long cell;
    private String cellId;
    /** The cell entered last, until its first invoke has told the runtime. */
    private String untoldCellId;
    private long invokes;

    KernelExecutionControl(ObjectOutput out, ObjectInput in, RuntimeConnection connection) {
        super(out, in);
        this.connection = connection;
    }

    /** The cell whose snippets come next; the runtime learns it with the cell's first invoke. */
    synchronized void enterCell(String id) {
        if (!id.equals(cellId)) {
            cellId = id;
            untoldCellId = id;
            cell++;
        }
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        RuntimeProtocol.Invocation invocation;
        synchronized (this) {
            invocation = new RuntimeProtocol.Invocation(methodName, ++invokes, cell, untoldCellId);
            untoldCellId = null;
        }
        try {
            return super.invoke(className, invocation.encode());
        } finally {
            // The runtime sent the snippet's output (and a rich value) on the side channel before its reply.
            connection.sideChannel().awaitSnippetDone(invocation.invoke(), SNIPPET_OUTPUT_TIMEOUT_MILLIS);
        }
    }

    /** Stops the running cell: now, and its snippets still to come. */
    @Override
    public void stop() {
        connection.sideChannel().stop(cell);
    }

    @Override
    public void close() {
        super.close();
        connection.terminate();
    }
}
