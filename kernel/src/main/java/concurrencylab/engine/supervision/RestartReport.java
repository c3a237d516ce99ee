package concurrencylab.engine.supervision;

import concurrencylab.engine.RuntimeConnection;
import concurrencylab.engine.RuntimeExit;

/** The words a cell shows after its runtime was restarted: why, and what came back. */
public final class RestartReport {

    private RestartReport() {
    }

    public static String message(String cause, EngineSupervisor.Replay replay) {
        StringBuilder message = new StringBuilder("Runtime restarted: ").append(cause).append(".\n");
        if (!replay.replayed().isEmpty()) {
            message.append("Declared again: ").append(String.join(", ", replay.replayed())).append(".\n");
        }
        if (!replay.variablesReset().isEmpty()) {
            message.append("Variables declared again without their values (now null/0/false): ")
                    .append(String.join(", ", replay.variablesReset())).append(".\n");
        }
        if (!replay.failed().isEmpty()) {
            message.append("Could not declare again: ").append(String.join(", ", replay.failed())).append(".\n");
        }
        message.append("Objects, running threads and other state of the old runtime are lost.\n");
        return message.toString();
    }

    public static String exitDescription(RuntimeConnection runtime) {
        return RuntimeExit.describe(runtime.process());
    }
}
