package concurrencylab.engine;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.StreamingExecutionControl;

/**
 * The kernel's end of the JShell engine stream. Stop goes over the side channel: the engine
 * stream is waiting for the running snippet's reply, so a stop sent there would only be read after it.
 */
final class KernelExecutionControl extends StreamingExecutionControl {

    private final RuntimeConnection connection;

    KernelExecutionControl(ObjectOutput out, ObjectInput in, RuntimeConnection connection) {
        super(out, in);
        this.connection = connection;
    }

    @Override
    public void stop() {
        connection.sideChannel().stop();
    }

    @Override
    public void close() {
        super.close();
        connection.terminate();
    }
}
