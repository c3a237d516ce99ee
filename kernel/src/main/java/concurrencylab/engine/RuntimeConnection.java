package concurrencylab.engine;

import java.util.concurrent.TimeUnit;

/** One runtime JVM: its process, its side channel, and the engine control JShell talks to. */
public final class RuntimeConnection {

    private final Process process;
    private volatile SideChannel sideChannel;
    private volatile KernelExecutionControl control;

    RuntimeConnection(Process process) {
        this.process = process;
    }

    void attach(SideChannel channel, KernelExecutionControl executionControl) {
        this.sideChannel = channel;
        this.control = executionControl;
    }

    public SideChannel sideChannel() {
        return sideChannel;
    }

    KernelExecutionControl control() {
        return control;
    }

    public Process process() {
        return process;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Ends the runtime now, with every process it started. */
    public void terminate() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (sideChannel != null) {
            sideChannel.close();
        }
    }

    /** Waits briefly for the runtime to be gone (after {@link #terminate()} or an exit of its own). */
    public boolean awaitExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
