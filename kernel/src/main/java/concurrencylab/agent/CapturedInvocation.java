package concurrencylab.agent;

import concurrencylab.agent.threads.CellThreads;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a snippet's do-it method in place of JShell's own call, keeping the value object
 * (JShell only passes on its string form) so that rich values can be rendered, on a thread of the
 * cell's own group ({@link CellThreads}) so that the threads it starts report their uncaught exceptions.
 * Snippets run one at a time on the command thread, so plain static fields suffice.
 */
public final class CapturedInvocation {

    static final Method RUN;

    static {
        try {
            RUN = CapturedInvocation.class.getMethod("run");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static volatile Method target;
    private static volatile Object value;
    private static volatile Runnable beforeRun;

    private CapturedInvocation() {
    }

    /** {@code before} runs on the snippet thread first (a stop that arrived early is applied there). */
    static void prepare(Method doit, Runnable before) {
        target = doit;
        beforeRun = before;
        value = null;
    }

    static Object takeValue() {
        Object v = value;
        value = null;
        target = null;
        return v;
    }

    /** Called reflectively by the execution engine on the snippet thread. */
    public static Object run() throws Throwable {
        beforeRun.run();
        Method doit = target;
        Object v = CellThreads.call(() -> {
            try {
                return doit.invoke(null);
            } catch (InvocationTargetException e) {
                // Rethrow the snippet's own exception so the engine reports it as if it called the snippet itself.
                throw sneaky(e.getCause());
            }
        });
        value = v;
        return v;
    }

    /** Lets a Callable throw the snippet's own Throwable unchanged (errors and ThreadDeath included). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> Exception sneaky(Throwable failure) throws T {
        throw (T) failure;
    }
}
