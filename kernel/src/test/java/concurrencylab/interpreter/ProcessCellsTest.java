package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code %%bash}, {@code %%sh} and {@code %%python}: real child processes, their output, exit codes and interrupts. */
class ProcessCellsTest {

    private final JShellInterpreter interpreter = SharedInterpreter.get();

    @Test
    void bashOutputReachesTheCellsStreams() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("%%bash\necho out; echo err >&2\nfor i in 1 2 3; do echo line $i; done | wc -l", cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        assertEquals("out\n3\n", cell.stdout());
        assertEquals("err\n", cell.stderr());
    }

    @Test
    void javaAndProcessCellsShareAnOwnerOnlyScratchFolder() {
        RecordingCell java = new RecordingCell();
        ExecuteOutcome written = interpreter.execute("var scratch = java.nio.file.Path.of(System.getenv(\"CONCURRENCY_LAB_SCRATCH\"));\n"
                + "java.nio.file.Files.writeString(scratch.resolve(\"figure.txt\"), \"42\");\nSystem.out.println(scratch)", java);
        assertTrue(written.succeeded(), () -> String.valueOf(written.error()));
        RecordingCell bash = new RecordingCell();
        assertTrue(interpreter.execute("%%bash\necho \"$CONCURRENCY_LAB_SCRATCH\"\nstat -c %a \"$CONCURRENCY_LAB_SCRATCH\"", bash).succeeded());
        assertEquals(java.stdout() + "700\n", bash.stdout());
        RecordingCell python = new RecordingCell();
        assertTrue(interpreter.execute("%%python\nimport os\nprint(open(os.path.join(os.environ['CONCURRENCY_LAB_SCRATCH'],"
                + " 'figure.txt')).read())", python).succeeded());
        assertEquals("42\n", python.stdout());
    }

    @Test
    void aNonZeroExitCodeIsAnErrorNamingIt() {
        ExecuteOutcome outcome = interpreter.execute("%%sh\necho before\nexit 3", new RecordingCell());
        assertEquals("ProcessError", outcome.error().ename());
        assertEquals("sh exited with code 3", outcome.error().evalue());
    }

    @Test
    void pythonRunsCPythonAndReadsGetEndOfFile() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("%%python\nimport sys, threading\nprint(sys.implementation.name)\n"
                + "print(repr(sys.stdin.read()))\nraise SystemExit(threading.active_count() + 4)", cell);
        assertEquals("cpython\n''\n", cell.stdout());
        assertEquals("python3 exited with code 5", outcome.error().evalue());
        ExecuteOutcome failing = interpreter.execute("%%python\n1/0", cell);
        assertTrue(cell.stderr().contains("ZeroDivisionError"), cell.stderr());
        assertEquals("python3 exited with code 1", failing.error().evalue());
    }

    @Test
    void aReadOfStandardInputAsksTheNotebookForALineWhenTheFrontEndAllowsIt() {
        RecordingCell cell = new RecordingCell(true, "Ada", "Bo");
        ExecuteOutcome outcome = interpreter.execute("%%bash\necho started\nread name\necho \"hello $name\"\n"
                + "python3 -c 'print(\"and \" + input())'", cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        assertEquals("started\nhello Ada\nand Bo\n", cell.stdout());
        assertEquals(2, cell.prompts());
        RecordingCell noInput = new RecordingCell(false);
        assertTrue(interpreter.execute("%%python\ntry:\n    input()\nexcept EOFError:\n    print('end of file')", noInput).succeeded());
        assertEquals("end of file\n", noInput.stdout());
        assertEquals(0, noInput.prompts());
    }

    @Test
    void outputShowsWhileTheProcessStillRuns() throws Exception {
        RecordingCell cell = new RecordingCell();
        CompletableFuture<ExecuteOutcome> running = CompletableFuture.supplyAsync(() ->
                interpreter.execute("%%bash\necho first\nwhile [ ! -e \"$0.go\" ]; do sleep 0.05; done\necho $0", cell));
        assertTrue(cell.awaitStdout("first\n", 30_000), "the first line came before the script ended");
        assertFalse(running.isDone(), "the script waits for its go file");
        // the script's own path comes from a file only it can read; the go file lets it end
        java.nio.file.Path script = waitForScript();
        java.nio.file.Files.createFile(java.nio.file.Path.of(script + ".go"));
        assertTrue(running.get(30, TimeUnit.SECONDS).succeeded());
    }

    private static java.nio.file.Path waitForScript() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            java.util.Optional<java.nio.file.Path> script = ProcessHandle.current().descendants()
                    .map(process -> process.info().arguments().orElse(new String[0]))
                    .flatMap(java.util.Arrays::stream)
                    .filter(argument -> argument.endsWith("cell.sh"))
                    .map(java.nio.file.Path::of).findFirst();
            if (script.isPresent()) {
                return script.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no bash running a cell script");
    }

    @Test
    void anInterruptEndsTheWholeProcessGroupAndNothingIsLeftRunning() throws Exception {
        RecordingCell cell = new RecordingCell();
        CompletableFuture<ExecuteOutcome> running = CompletableFuture.supplyAsync(() ->
                interpreter.execute("%%bash\nsleep 300 &\necho child $!\npython3 -c 'import time; time.sleep(300)' &\necho child $!\necho ready\nwait", cell));
        assertTrue(cell.awaitStdout("ready\n", 30_000), cell.stdout());
        long[] children = cell.stdout().lines().filter(line -> line.startsWith("child "))
                .mapToLong(line -> Long.parseLong(line.substring(6))).toArray();
        assertEquals(2, children.length, cell.stdout());
        long interruptedAt = System.nanoTime();
        cell.interruptWhileRunning();
        ExecuteOutcome outcome = running.get(30, TimeUnit.SECONDS);
        assertEquals("Interrupted", outcome.error().ename());
        for (long child : children) {
            waitUntilGone(child);
        }
        // generous: the bound says "the cell does not hang", not how fast it is
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - interruptedAt) < 20);
    }

    @Test
    void backgroundJobsEndWithTheCell() throws Exception {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = interpreter.execute("%%bash\nsleep 300 >/dev/null 2>&1 &\necho $!", cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        waitUntilGone(Long.parseLong(cell.stdout().strip()));
    }

    private static void waitUntilGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.nanoTime() < deadline, "process " + pid + " still runs");
            Thread.sleep(20);
        }
    }
}
