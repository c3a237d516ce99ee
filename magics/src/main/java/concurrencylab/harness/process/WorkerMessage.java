package concurrencylab.harness.process;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.Map;

/** What the runtime and its worker JVMs say to each other, one Java-serialized object per ZeroMQ frame. */
sealed interface WorkerMessage extends Serializable {

    /** Worker to runtime, once connected. */
    record Ready(String worker, long pid) implements WorkerMessage {
    }

    /** Runtime to worker: the notebook's snippet classes, to define before running tasks that need them. */
    record LoadClasses(String digest, Map<String, byte[]> classes) implements WorkerMessage {
    }

    /** Runtime to worker: run task {@code index} of {@code count} by calling the static no-argument method. */
    record RunTask(int index, int count, String className, String methodName, String classesDigest)
            implements WorkerMessage {
    }

    /**
     * Worker to runtime: a finished task. {@code result} is the serialized result (null when it failed);
     * start is wall-clock epoch nanoseconds so the runtime can place it on its own time line.
     */
    record TaskDone(int index, long startEpochNanos, long wallNanos, long cpuNanos, long processCpuNanos,
                    byte[] result, Failure failure) implements WorkerMessage {
    }

    /** Why a task in a worker has no result, as it crosses the wire: the exception's type, message and trace. */
    record Failure(String type, String message, String trace) implements Serializable {

        static Failure of(Throwable error) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            return new Failure(error.getClass().getName(), String.valueOf(error.getMessage()), trace.toString());
        }
    }

    /** Runtime to worker: exit now. */
    record Shutdown() implements WorkerMessage {
    }
}
