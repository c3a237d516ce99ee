package concurrencylab.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution engine, made safe for snippets that start threads which live on. The engine starts a
 * snippet's thread, then lists the threads of that thread's group and joins every one it listed. If the snippet
 * has already started a long-lived thread by then (a pool, a server, worker JVMs' reader threads), that thread is
 * listed and joined too, and the snippet never ends. That takes only that the engine's thread lose its core
 * between the two steps, which a busy machine makes likely. Here the snippet's thread first waits until the
 * engine's thread has made its list and waits in {@code join}: only the snippet's own thread is ever joined.
 */
public class OwnThreadExecutionControl extends LocalExecutionControl {

    /** Far longer than the engine ever takes to reach its join; a bound, so that nothing can wait for ever. */
    private static final long LISTING_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Method GATED;

    static {
        try {
            GATED = OwnThreadExecutionControl.class.getMethod("runWhenListed");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // The engine runs one snippet at a time, so plain static fields suffice.
    private static volatile Method target;
    private static volatile Thread engine;

    /**
     * A provider that gives each JShell built with it ({@code JShell.builder().executionEngine(provider, Map.of())})
     * a fresh engine from {@code engines}, running snippets in this JVM: for the tests' and the benchmark's JShells.
     */
    public static ExecutionControlProvider provider(String name, Supplier<? extends OwnThreadExecutionControl> engines) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return engines.get();
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        target = doitMethod;
        engine = Thread.currentThread();
        try {
            return super.invoke(GATED);
        } finally {
            target = null;
            engine = null;
        }
    }

    /** Called reflectively by the engine on the snippet's thread, in place of the snippet's do-it method. */
    public static Object runWhenListed() throws Throwable {
        Method doit = target;
        awaitListing(engine);
        try {
            return doit.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the engine wraps it again, as if it had called the snippet itself
        }
    }

    /** Until the engine's thread no longer runs: it has listed the group's threads and waits in join. */
    private static void awaitListing(Thread engineThread) {
        if (engineThread == null) {
            return;
        }
        long deadline = System.nanoTime() + LISTING_WAIT_NANOS;
        while (isRunning(engineThread.getState()) && System.nanoTime() < deadline) {
            Thread.yield();
        }
    }

    private static boolean isRunning(Thread.State state) {
        return state == Thread.State.RUNNABLE || state == Thread.State.BLOCKED;
    }
}
