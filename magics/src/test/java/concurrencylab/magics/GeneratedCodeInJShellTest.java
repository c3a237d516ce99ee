package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.agent.SnippetClassRegistry;
import concurrencylab.harness.process.WorkerPool;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MimeBundle;
import java.io.IOException;
import java.util.List;
import jdk.jshell.JShell;
import concurrencylab.agent.OwnThreadExecutionControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The code the magics generate, run in a real JShell whose execution engine records snippet class bytes the
 * way the runtime does: the body's method is called by every executor, worker JVMs included, where it calls a
 * method and returns a record declared in earlier snippets.
 */
class GeneratedCodeInJShellTest {

    private static TestJShell shell;
    private static final java.util.concurrent.atomic.AtomicInteger TASKS = new java.util.concurrent.atomic.AtomicInteger();

    /** Local execution that records every snippet class it loads, as the runtime's engine does. */
    static final class RecordingControl extends OwnThreadExecutionControl {
        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            for (ClassBytecodes bytecodes : classes) {
                SnippetClassRegistry.record(bytecodes.name(), bytecodes.bytecodes());
            }
            super.load(classes);
        }

        @Override
        public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            for (ClassBytecodes bytecodes : classes) {
                SnippetClassRegistry.record(bytecodes.name(), bytecodes.bytecodes());
            }
            super.redefine(classes);
        }
    }

    @BeforeAll
    static void startShell() throws IOException {
        shell = new TestJShell(RecordingControl::new);
        eval("record Share(int index, long primes) implements java.io.Serializable {}");
        eval("long primesBetween(long from, long to) { long c = 0; for (long n = Math.max(2, from); n < to; n++) {"
                + " boolean p = true; for (long d = 2; d * d <= n; d++) if (n % d == 0) { p = false; break; } if (p) c++; }"
                + " return c; }");
    }

    @AfterAll
    static void stop() {
        shell.close();
        WorkerPool.shared().shutdown();
    }

    private static String eval(String code) {
        return shell.eval(code);
    }

    /** Compiles bodies as the engine will: a method returning the body's value. */
    private static final class ShellSession extends RecordingSession {
        @Override
        public TaskDefinition defineTask(String body, int firstLine, CellContext cell) {
            String name = "__task_" + TASKS.incrementAndGet();
            bodies.add(body);
            eval("Object " + name + "() throws Exception { return " + body + "; }");
            return new TaskDefinition(name, null);
        }

        @Override
        public ExecuteOutcome executeInternal(String code, CellContext cell) {
            internal.add(code);
            return ExecuteOutcome.ok(MimeBundle.text(String.valueOf(eval(code))));
        }
    }

    private static void runMagic(Magic magic, String body, String... args) throws Exception {
        new CommandLine(magic).parseArgs(args);
        Magic.Kind kind = magic.kinds().contains(Magic.Kind.CELL) ? Magic.Kind.CELL : Magic.Kind.LINE;
        ExecuteOutcome outcome = magic.run(new ShellSession().invocation(body, kind)).outcome();
        assertTrue(outcome.succeeded());
    }

    private static final String BODY = "new Share(Task.index(), primesBetween(Task.index() * 50_000L / Task.count(),"
            + " (Task.index() + 1) * 50_000L / Task.count()))";

    @Test
    void everyExecutorRunsTheCellBodyAndItsEarlierDeclarations() throws Exception {
        for (Magic magic : List.of(new SerialMagic(), new ThreadPoolMagic(), new VirtualMagic(), new GilMagic(),
                new ProcessesMagic())) {
            String name = new CommandLine(magic).getCommandName();
            runMagic(magic, BODY, "-t", "4", "-o", "r_" + name);
            assertEquals("[0, 1, 2, 3]", eval("r_" + name + ".results().stream().map(s -> ((Share) s).index()).toList()"), name);
            assertEquals("5133", eval("r_" + name + ".results().stream().mapToLong(s -> ((Share) s).primes()).sum()"), name);
            assertEquals("true", eval("r_" + name + ".succeeded()"), name);
        }
        String workers = eval("r_processes.workers().stream().allMatch(w -> w.startsWith(\"processes-\"))");
        assertEquals("true", workers);
    }

    @Test
    void timeitAndTimeRunInTheShell() throws Exception {
        runMagic(new TimeitMagic(), "primesBetween(0, 2000)", "-n", "3", "-r", "2", "-o", "t");
        assertEquals("3", eval("t.loops()"));
        assertEquals("2", eval("t.perLoopNanos().size()"));
        runMagic(new TimeMagic(), "primesBetween(0, 1000)");
        runMagic(new TimeMagic(), "primesBetween(0, 1000)", "-o", "timed");
        assertEquals("168", eval("timed.value()"));
        assertEquals("true", eval("timed.wallNanos() > 0"));
    }
}
