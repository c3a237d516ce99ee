package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.agent.ExtraClassPath;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MimeBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import picocli.CommandLine;

/**
 * A real JShell whose engine records snippet classes as the runtime's does, with the notebook's imports, and
 * the magics run on it as the kernel runs them: the body compiled to a task method, then the generated call.
 */
final class NotebookShell implements AutoCloseable {

    private static final AtomicInteger TASKS = new AtomicInteger(5000);
    private final TestJShell shell;

    NotebookShell() throws IOException {
        shell = new TestJShell(GeneratedCodeInJShellTest.RecordingControl::new);
    }

    /** Evaluates a snippet that must compile and not throw; its value. */
    String eval(String code) {
        return shell.eval(code);
    }

    /**
     * {@code %classpath add PATH}, as the runtime's engine takes it: for the compiler and the notebook's loader,
     * and in {@link ExtraClassPath} for worker JVMs and cluster members.
     */
    void addToClasspath(String path) {
        shell.jshell().addToClasspath(path);
        ExtraClassPath.add(path);
    }

    /** Stops the running snippet, as the kernel's interrupt does (tier 1). */
    void stop() {
        shell.jshell().stop();
    }

    /** {@code %cluster ARGS}. */
    ExecuteOutcome line(String... args) {
        ClusterMagic magic = new ClusterMagic();
        new CommandLine(magic).parseArgs(args);
        return magic.run(new Session().invocation("", Magic.Kind.LINE)).outcome();
    }

    /** A cell magic with its options above {@code body}. */
    ExecuteOutcome cell(HarnessMagic magic, String body, String... options) {
        new CommandLine(magic).parseArgs(options);
        return magic.run(new Session().invocation(body)).outcome();
    }

    /** {@code %%cluster -t T -o run} above {@code body}, which must succeed: its results. */
    String clusterResults(int tasks, String body) {
        ExecuteOutcome outcome = cell(new ClusterMagic(), body, "-t", String.valueOf(tasks), "-o", "run");
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        assertEquals("true", eval("run.succeeded()"), () -> eval("run.summary()"));
        return eval("run.results()");
    }

    /** {@code %%serial -t T} above {@code body}: its results. */
    String serialResults(int tasks, String body) {
        ExecuteOutcome outcome = cell(new SerialMagic(), body, "-t", String.valueOf(tasks), "-o", "serialRun");
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        return eval("serialRun.results()");
    }

    /** What the generated code printed while {@code action} ran (the cell's output: System.out here). */
    static String printed(Runnable action) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(before);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        before.print(text);
        return text;
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Compiles a body as the kernel does (a method returning its value) and runs the generated call. */
    private final class Session extends RecordingSession {
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
}
