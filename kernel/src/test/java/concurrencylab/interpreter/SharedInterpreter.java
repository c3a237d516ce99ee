package concurrencylab.interpreter;

import java.util.List;

/** One interpreter (and runtime JVM) for the test classes that do not restart it. */
final class SharedInterpreter {

    private static JShellInterpreter interpreter;

    private SharedInterpreter() {
    }

    static synchronized JShellInterpreter get() {
        if (interpreter == null) {
            interpreter = new JShellInterpreter(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1"));
            interpreter.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> interpreter.shutdown(false)));
        }
        return interpreter;
    }
}
