package concurrencylab.agent;

import com.google.gson.JsonObject;
import concurrencylab.agent.threads.QuietWait;
import concurrencylab.agent.threads.ThreadSurvey;
import concurrencylab.agent.wire.ResultMarker;
import concurrencylab.agent.wire.RuntimeProtocol;
import concurrencylab.display.Renderers;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JShell's local engine (it weaves stop checks into snippet code) with what the notebook needs:
 * snippet classes recorded for worker JVMs (as compiled) and woven by the {@link SnippetWeaver}s
 * on the class path (the GIL simulation's switch checks), each cell's id handed to the threads it starts,
 * rich values rendered here and sent ahead of the reply, output flushed when a snippet ends.
 */
final class RuntimeExecutionControl extends OwnThreadExecutionControl {

    private final EventSender events;
    private final OutputRouter output;
    private final AtomicLong tokens = new AtomicLong();
    private final SnippetWeaving weaving = SnippetWeaving.discovered();
    /** Sequence number of the cell whose snippets run (0 before the first); it comes with the cell's first invoke. */
    private volatile long cell;
    /**
     * The latest cell a stop was asked for, maybe while no snippet ran (between snippets, or while the
     * next one compiled, or before the cell's first snippet came): it stops every later snippet of that cell.
     */
    private volatile long stopCell = -1;
    /** How long the snippet after a stop may wait for the stopped threads to die. */
    private static final long STOP_GRACE_MILLIS = 5_000;
    /** The cell was stopped: its threads may still be dying when the next snippet comes. */
    private volatile boolean stoppedUserCode;
    private volatile boolean userCodeRunning;
    /** The class JShell's engine generates for its stop flag. */
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

    RuntimeExecutionControl(EventSender events, OutputRouter output) {
        this.events = events;
        this.output = output;
        NotebookSystemClassLoader.findSnippetClassesWith(name -> {
            try {
                return findClass(name);
            } catch (ClassNotFoundException e) {
                return null;
            }
        });
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] woven = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            SnippetClassRegistry.record(cbcs[i].name(), cbcs[i].bytecodes());
            woven[i] = new ClassBytecodes(cbcs[i].name(), weaving.weave(cbcs[i].name(), cbcs[i].bytecodes()));
        }
        super.load(woven);
    }

    /** {@code %classpath add}: for this JVM, and recorded for the worker JVMs it starts. */
    @Override
    public void addToClasspath(String classPath) throws EngineTerminationException, InternalException {
        super.addToClasspath(classPath);
        ExtraClassPath.add(classPath);
    }

    /** Takes the cell from the first invoke of each cell; once the snippet ended, sends its output, then the mark. */
    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        RuntimeProtocol.Invocation invocation = RuntimeProtocol.Invocation.decode(methodName);
        if (invocation.cellId() != null) {
            cell = invocation.cell();
            CurrentCell.enter(invocation.cellId());
        }
        try {
            return super.invoke(className, invocation.method());
        } finally {
            if (invocation.invoke() >= 0) {
                output.flushNow();
                events.snippetDone(invocation.invoke());
            }
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (stoppedUserCode && stopCell < cell) {
            // The first snippet of a cell after a stopped one: the engine clears the stop as it starts, so keep
            // it in force until the stopped threads are gone. (A later snippet of the stopped cell is stopped
            // itself at once, and must not wait: its cell's interrupt is what ends it.)
            stoppedUserCode = false;
            QuietWait.untilQuiet(STOP_GRACE_MILLIS);
        }
        CapturedInvocation.prepare(doitMethod, this::stopIfRequested);
        try {
            String plain = super.invoke(CapturedInvocation.RUN);
            return richOrPlain(CapturedInvocation.takeValue(), plain);
        } finally {
            CapturedInvocation.takeValue();
        }
    }

    /** Stop for a cell, from the side channel: now, and for the cell's later snippets. */
    void requestStop(long forCell) {
        if (forCell < cell) {
            return; // that cell has ended and a later one runs: the stop came too late to concern it
        }
        stopCell = Math.max(stopCell, forCell);
        stoppedUserCode = true;
        try {
            stop();
        } catch (EngineTerminationException | InternalException e) {
            // no snippet running yet: the flag stops it when it starts
        }
        if (!userCodeRunning) {
            // Between two snippets the engine's stop does nothing, yet threads the cell started still run.
            raiseStopFlag();
        }
    }

    /**
     * While no snippet runs: stops the threads earlier cells left running. Snippet code in any thread
     * (virtual ones too) stops at its next stop check; platform threads that sleep or wait are
     * interrupted. Returns the survey of those threads as they were; stops nothing while a snippet runs.
     */
    JsonObject stopLeftovers() {
        JsonObject survey = ThreadSurvey.take();
        if (!userCodeRunning) {
            raiseStopFlag();
            ThreadSurvey.interruptNotebookThreads();
        }
        return survey;
    }

    /** Sets the flag every stop check of snippet code reads; the next snippet clears it again. */
    private void raiseStopFlag() {
        try {
            Field allStop = findClass(CANCEL_CLASS).getDeclaredField("allStop");
            allStop.set(null, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no snippet has run yet, so no snippet code can be running either
        }
    }

    @Override
    protected void clientCodeEnter() {
        userCodeRunning = true;
        super.clientCodeEnter();
    }

    @Override
    protected void clientCodeLeave() {
        super.clientCodeLeave();
        userCodeRunning = false;
    }

    /** On the snippet thread, before the snippet: the engine's stop makes the snippet's first stop check throw. */
    private void stopIfRequested() {
        if (stopCell >= cell) {
            try {
                stop();
            } catch (EngineTerminationException | InternalException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        String plain = super.varValue(className, varName);
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            return richOrPlain(field.get(null), plain);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return plain;
        }
    }

    private String richOrPlain(Object value, String plain) {
        JsonObject bundle = Renderers.rich(value, null, plain);
        if (bundle == null) {
            return plain;
        }
        String token = Long.toString(tokens.incrementAndGet());
        output.flushNow();
        events.result(token, bundle.toString());
        return ResultMarker.encode(token, plain);
    }
}
