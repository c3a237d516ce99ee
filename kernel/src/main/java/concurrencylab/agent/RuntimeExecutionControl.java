package concurrencylab.agent;

import com.google.gson.JsonObject;
import concurrencylab.agent.wire.ResultMarker;
import concurrencylab.agent.wire.RuntimeProtocol;
import concurrencylab.display.Renderers;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's local engine (it weaves stop checks into snippet code) with what the notebook needs:
 * snippet classes recorded for worker JVMs, each cell's id handed to the threads it starts,
 * rich values rendered here and sent ahead of the reply, output flushed when a snippet ends.
 */
final class RuntimeExecutionControl extends LocalExecutionControl {

    /** Extension command: the id of the cell whose snippets come next. */
    static final String CELL_COMMAND = RuntimeProtocol.CELL_COMMAND;

    private final EventSender events;
    private final OutputRouter output;
    private final AtomicLong tokens = new AtomicLong();
    /**
     * A stop for the current cell that may have come while no snippet ran (between snippets, or while
     * the next one compiled); it stops every later snippet of the cell. A new cell clears it.
     */
    private volatile boolean stopRequested;
    /** How long the snippet after a stop may wait for the stopped threads to die. */
    private static final long STOP_GRACE_MILLIS = 1_000;
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
        for (ClassBytecodes cbc : cbcs) {
            SnippetClassRegistry.record(cbc.name(), cbc.bytecodes());
        }
        super.load(cbcs);
    }

    /** {@code %classpath add}: for this JVM, and recorded for the worker JVMs it starts. */
    @Override
    public void addToClasspath(String classPath) throws EngineTerminationException, InternalException {
        super.addToClasspath(classPath);
        ExtraClassPath.add(classPath);
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        if (CELL_COMMAND.equals(command)) {
            stopRequested = false;
            CurrentCell.enter((String) arg);
            return null;
        }
        return super.extensionCommand(command, arg);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (stoppedUserCode) {
            // The engine clears the stop as this snippet starts: keep it in force until the stopped threads are gone.
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

    /** Stop for the current cell, from the side channel: now, and for the cell's later snippets. */
    void requestStop() {
        stopRequested = true;
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
        if (stopRequested) {
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
