package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.process.WorkerPool;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.MimeBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code %%processes} bodies that read notebook variables, in a real JShell and real worker JVMs: each worker
 * gets a copy of the values when the run starts, as after a fork.
 */
class NotebookStateInWorkersTest {

    private static TestJShell shell;
    private static final AtomicInteger TASKS = new AtomicInteger(1000);

    @BeforeAll
    static void startShell() throws IOException {
        shell = new TestJShell(GeneratedCodeInJShellTest.RecordingControl::new);
    }

    @AfterAll
    static void stop() {
        shell.close();
        WorkerPool.shared().shutdown();
    }

    private static String eval(String code) {
        return shell.eval(code);
    }

    /** Compiles a body as the kernel does (a method returning its value) and runs the generated call. */
    private static final class ShellSession extends RecordingSession {
        @Override
        public TaskDefinition defineTask(String body, int firstLine, CellContext cell) {
            String name = "__task_" + TASKS.incrementAndGet();
            eval("Object " + name + "() throws Exception { " + body + " }");
            return new TaskDefinition(name, null);
        }

        @Override
        public ExecuteOutcome executeInternal(String code, CellContext cell) {
            for (SnippetEvent event : shell.jshell().eval(code)) {
                if (event.exception() != null) {
                    return ExecuteOutcome.failed(new ExecuteOutcome.ErrorInfo("EvalException",
                            event.exception().getMessage(), List.of(String.valueOf(event.exception().getMessage()))));
                }
            }
            return ExecuteOutcome.ok(MimeBundle.text(""));
        }
    }

    /** Runs {@code body} (statements ending in a return) as {@code %%processes -n N -t T -o run}. */
    private static ExecuteOutcome processes(int workers, int tasks, String body) throws Exception {
        ProcessesMagic magic = new ProcessesMagic();
        new CommandLine(magic).parseArgs("-n", String.valueOf(workers), "-t", String.valueOf(tasks), "-o", "run");
        return magic.run(new ShellSession().invocation(body)).outcome();
    }

    private static String results(int workers, int tasks, String body) throws Exception {
        ExecuteOutcome outcome = processes(workers, tasks, body);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        assertEquals("true", eval("run.succeeded()"), () -> eval("run.summary()"));
        return eval("run.results()");
    }

    @Test
    void aLongAnArrayARecordAndAListOfRecordsReachTheWorkers() throws Exception {
        eval("long limit = 2_000_000L;");
        eval("int[] weights = {3, 4, 5};");
        eval("record Range(long from, long to) implements java.io.Serializable {}");
        eval("Range whole = new Range(10, 20);");
        eval("java.util.List<Range> ranges = java.util.List.of(new Range(0, 5), new Range(5, 9));");
        assertEquals("[2000000, 2000000]", results(2, 2, "return limit;"));
        assertEquals("[12, 12]", results(2, 2, "return weights[0] + weights[1] + weights[2];"));
        assertEquals("[10, 20]", results(2, 2, "return Task.index() == 0 ? whole.from() : whole.to();"));
        assertEquals("[5, 4]", results(2, 2, "Range r = ranges.get(Task.index()); return r.to() - r.from();"));
        assertTrue(eval("run.state().variables()").contains("ranges"), eval("run.state()"));
        assertTrue(Long.parseLong(eval("run.state().bytesSent()")) > 0);
        assertTrue(eval("run.summary()").contains("state: ranges — "), eval("run.summary()"));
    }

    @Test
    void stateReadOnlyThroughANotebookMethodCrossesToo() throws Exception {
        eval("long base = 40;");
        eval("long plusBase(long x) { return x + base; }");
        eval("long viaTwoMethods(long x) { return plusBase(x) + 1; }");
        assertEquals("[41, 42]", results(2, 2, "return viaTwoMethods(Task.index());"));
        assertEquals("[base]", eval("run.state().variables()"));
    }

    @Test
    void aTaskChangesItsWorkersCopyNotTheNotebooksAndTheNextRunStartsFromTheNotebook() throws Exception {
        eval("int[] hits = new int[1];");
        String body = "hits[0]++; return hits[0];";
        // one worker runs all three tasks in turn: they share its copy, as tasks of one pool worker do
        assertEquals("[1, 2, 3]", results(1, 3, body));
        assertEquals("0", eval("hits[0]"));
        assertEquals("[1, 2, 3]", results(1, 3, body));
        assertEquals("0", eval("run.state().bytesSent()"), "an unchanged value is not sent again");
        eval("hits[0] = 10;");
        assertEquals("[11, 12, 13]", results(1, 3, body));
        assertTrue(Long.parseLong(eval("run.state().bytesSent()")) > 0, "a changed value is sent");
    }

    @Test
    void aValueThatCannotBeCopiedIsNamedBeforeAnyTaskRuns(@TempDir Path scratch) throws Exception {
        eval("class Account { long balance = 5; }");
        eval("Account account = new Account();");
        String marker = scratch.resolve("ran-").toString().replace("\\", "\\\\");
        ExecuteOutcome outcome = processes(2, 2, "java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + marker
                + "\" + Task.index())); return account.balance;");
        assertFalse(outcome.succeeded());
        String message = outcome.error().evalue();
        assertEquals("the notebook variable account (type Account) cannot be copied to the worker JVMs: Account is not"
                + " Serializable. Make Account implement java.io.Serializable, or create the value inside the cell body.",
                message);
        try (var ran = Files.list(scratch)) {
            assertEquals(List.of(), ran.toList(), "no task may start");
        }
    }

    @Test
    void thePoolStartsOnceAndStaysWarmAcrossARedefinitionAndAChangedWorkerCount() throws Exception {
        eval("int answer() { return 1; }");
        assertEquals("[1, 1]", results(2, 2, "return answer();"));
        List<Long> pids = WorkerPool.shared().pids();
        eval("int answer() { return 2; }");
        assertEquals("[2, 2]", results(2, 2, "return answer();"));
        assertEquals("[2]", results(1, 1, "return answer();"));
        assertEquals("[2, 2]", results(2, 2, "return answer();"));
        assertEquals(pids, WorkerPool.shared().pids(), "the warm workers were replaced");
    }
}
