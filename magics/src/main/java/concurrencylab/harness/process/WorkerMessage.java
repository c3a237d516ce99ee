package concurrencylab.harness.process;

import concurrencylab.harness.task.TaskFrames;
import concurrencylab.results.TaskFailure;
import java.io.Serializable;
import java.util.Map;

/** What the runtime and its worker JVMs say to each other, one Java-serialized object per ZeroMQ frame. */
sealed interface WorkerMessage extends Serializable {

    /** Worker to runtime, once connected. */
    record Ready(String worker, long pid) implements WorkerMessage {
    }

    /** Runtime to worker: the notebook's snippet classes, to define before running tasks that need them. */
    record LoadClasses(String digest, Map<String, byte[]> classes) implements WorkerMessage {
    }

    /**
     * Runtime to worker, before a worker's first task of a run: set the notebook variables in the snippet classes
     * of {@code classesDigest}, each a fresh copy, as a fork would find them. {@code changed} brings values
     * (serialized, by class and field, {@code REPL.$JShell$7#N}) the worker has not had; {@code unchanged} names
     * those it got in an earlier run, which it copies again from the bytes it kept.
     */
    record InstallState(String classesDigest, Map<String, byte[]> changed, String[] unchanged)
            implements WorkerMessage {
    }

    /** Runtime to worker: run task {@code index} of {@code count} by calling the static no-argument method. */
    record RunTask(int index, int count, String className, String methodName, String classesDigest)
            implements WorkerMessage {
    }

    /**
     * Worker to runtime: a finished task. {@code result} is the serialized result (null when it failed);
     * start is wall-clock epoch nanoseconds so the runtime can place it on its own time line;
     * for notebook state sent before it, {@code stateFromEpochNanos} is when the worker was free to take it and
     * {@code stateInstalledEpochNanos} when it was installed (0 when none came).
     */
    record TaskDone(int index, long startEpochNanos, long wallNanos, long cpuNanos, long processCpuNanos,
                    byte[] result, Failure failure, long stateFromEpochNanos,
                    long stateInstalledEpochNanos) implements WorkerMessage {
    }

    /** Why a task in a worker has no result, as it crosses the wire: the exception's type, message and trace. */
    record Failure(String type, String message, String trace) implements Serializable {

        /** In the notebook's terms, as {@link TaskFailure#of} puts it; the trace ends above the worker's main loop. */
        static Failure of(Throwable error) {
            TaskFailure failure = TaskFailure.of(error, className -> TaskFrames.calling(className, WorkerMain.class));
            return new Failure(failure.type(), failure.message(), failure.trace());
        }
    }

    /** Runtime to worker: exit now. */
    record Shutdown() implements WorkerMessage {
    }
}
