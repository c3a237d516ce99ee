package concurrencylab.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.ExecuteOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells against a real runtime JVM: values, snippets, declarations, errors, output, displays, input. */
class CellExecutionTest {

    private final JShellInterpreter interpreter = SharedInterpreter.get();

    private ExecuteOutcome run(String code, RecordingCell cell) {
        return interpreter.execute(code, cell);
    }

    private String value(String code) {
        ExecuteOutcome outcome = run(code, new RecordingCell());
        assertTrue(outcome.succeeded(), () -> "cell failed: " + outcome.error());
        return outcome.result() == null ? null : outcome.result().data().get("text/plain").getAsString();
    }

    @Test
    void lastExpressionIsTheResult() {
        assertEquals("2", value("1+1"));
        assertEquals("\"abc\"", value("\"ab\" + \"c\""));
    }

    @Test
    void expressionValuesDoNotPileUpAsVariables() {
        assertEquals("2", value("1+1"));
        assertEquals("6", value("var list = new java.util.ArrayList<Integer>();\nlist.add(5);\nlist.get(0) + 1"));
        assertEquals("[5]", value("list"));
        assertEquals(0, interpreter.valueVariables(), "every later snippet would import and check them");
    }

    @Test
    void severalSnippetsInOneCell() {
        assertEquals("7", value("int x = 3;\nint y = x * 2;\ny + 1"));
        assertNull(value("int unused = 5;"), "a declaration shows no result");
    }

    @Test
    void declarationsPersistAndCanBeRedefined() {
        value("int answer() { return 1; }");
        assertEquals("1", value("answer()"));
        value("int answer() { return 2; }");
        assertEquals("2", value("answer()"));
        value("record Point(int x) {}");
        value("record Point(int x, int y) {}");
        assertEquals("5", value("new Point(2, 5).y()"));
    }

    @Test
    void theDocumentedPackagesAreImported() {
        assertEquals("8", value("BigInteger.TWO.pow(3)"));
        assertEquals("true", value("Pattern.compile(\"a+\").matcher(\"aaa\").matches()"));
        assertEquals("1", value("new AtomicInteger().incrementAndGet()"));
        assertEquals("false", value("new ReentrantLock().isLocked()"));
        assertEquals("60", value("Duration.ofMinutes(1).toSeconds()"));
        assertEquals("\"GET\"", value("HttpRequest.newBuilder(URI.create(\"http://localhost/\")).build().method()"));
    }

    @Test
    void compileErrorNamesLineAndColumn() {
        ExecuteOutcome outcome = run("int a = 1;\nint b = \"text\";", new RecordingCell());
        assertEquals("CompilationError", outcome.error().ename());
        List<String> traceback = outcome.error().traceback();
        assertTrue(traceback.get(0).startsWith("cell line 2, column 9: incompatible types"), traceback::toString);
        assertEquals("    int b = \"text\";", traceback.get(1));
        assertEquals("            ^", traceback.get(2));
    }

    @Test
    void exceptionTracebackPointsAtCellLines() {
        RecordingCell declaring = new RecordingCell();
        run("int divideTen(int a) {\n  return 10 / a;\n}", declaring);
        ExecuteOutcome outcome = run("int k = 1;\ndivideTen(0)", new RecordingCell());
        assertEquals("java.lang.ArithmeticException", outcome.error().ename());
        assertEquals("/ by zero", outcome.error().evalue());
        List<String> traceback = outcome.error().traceback();
        assertEquals("java.lang.ArithmeticException: / by zero", traceback.get(0));
        assertEquals("    at divideTen (cell [" + declaring.executionCount() + "] line 2)", traceback.get(1));
        assertEquals("    at (cell line 2)", traceback.get(2));
        assertEquals(3, traceback.size(), traceback::toString);
    }

    @Test
    void aNullVariableIsNamedAsTheNotebookNamesIt() {
        value("String nothingHere = null;");
        ExecuteOutcome outcome = run("nothingHere.length()", new RecordingCell());
        assertEquals("java.lang.NullPointerException", outcome.error().ename());
        assertEquals("Cannot invoke \"String.length()\" because \"nothingHere\" is null", outcome.error().evalue());
        assertEquals("java.lang.NullPointerException: " + outcome.error().evalue(), outcome.error().traceback().get(0));
    }

    @Test
    void stackTracesThreadsPrintNameCellLines() throws Exception {
        RecordingCell declaring = new RecordingCell();
        run("void failHere(int depth) {\n  throw new IllegalStateException(\"deep \" + depth);\n}", declaring);
        // One snippet: the thread prints its trace while the snippet that started it still runs.
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = run("int before = 0;\nThread.ofPlatform().start(() -> {\n"
                + "  try { failHere(1); } catch (IllegalStateException e) { e.printStackTrace(); }\n}).join();", cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        String stderr = cell.stderr();
        assertTrue(stderr.contains("at failHere (cell [" + declaring.executionCount() + "] line 2)"), stderr);
        assertTrue(stderr.contains("at lambda (cell line 3)"), stderr);
        assertTrue(!stderr.contains("REPL."), stderr);
    }

    @Test
    void threadsTheCellStartsReportTheirUncaughtExceptionsAsPlainJavaDoes() {
        // A thread started by hand and a pool's thread, both done before the cell ends, so their reports are
        // part of the cell's output. JShell's own engine dropped both without a word.
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = run("""
                var t = new Thread(() -> { throw new IllegalStateException("lost in a thread"); }, "worker-a");
                t.start(); t.join();
                var pool = Executors.newSingleThreadExecutor();
                pool.execute(() -> { throw new IllegalArgumentException("lost in a pool"); });
                pool.shutdown(); pool.awaitTermination(60, TimeUnit.SECONDS);""", cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        String stderr = cell.stderr();
        assertTrue(stderr.contains("Exception in thread \"worker-a\" java.lang.IllegalStateException: lost in a thread"),
                stderr);
        assertTrue(stderr.contains("Exception in thread \"pool-"), stderr);
        assertTrue(stderr.contains("java.lang.IllegalArgumentException: lost in a pool"), stderr);
    }

    @Test
    void deepRecursionIsReportedCompactly() {
        ExecuteOutcome outcome = run("int down(int n) { return down(n + 1) + 1; }\ndown(0)", new RecordingCell());
        assertEquals("java.lang.StackOverflowError", outcome.error().ename());
        List<String> traceback = outcome.error().traceback();
        assertTrue(traceback.size() < 6, traceback::toString);
        assertTrue(traceback.get(2).matches("    \\.\\.\\. the line above \\d+ more times"), traceback::toString);
        assertEquals("2", value("1 + 1"), "the runtime is fine afterwards");
    }

    @Test
    void stdoutFromAPoolThreadArrivesAfterTheCellEnded() throws Exception {
        RecordingCell cell = new RecordingCell();
        // The pool thread prints only once a later cell lets it: after its own cell ended, whatever the load.
        ExecuteOutcome outcome = run("""
                var go = new CountDownLatch(1);
                var pool = Executors.newSingleThreadExecutor();
                pool.submit(() -> { go.await(); System.out.println("from the pool"); return null; });
                pool.shutdown();
                """, cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        assertTrue(!cell.stdout().contains("from the pool"), "printed before the cell ended");
        RecordingCell later = new RecordingCell();
        run("go.countDown(); pool.awaitTermination(30, TimeUnit.SECONDS)", later);
        assertTrue(cell.awaitStdout("from the pool", 30_000), "output of the pool thread reached its cell");
        assertTrue(!later.stdout().contains("from the pool"), "not the later cell");
    }

    @Test
    void stdoutFromAVirtualThreadReachesItsCell() throws Exception {
        RecordingCell cell = new RecordingCell();
        run("Thread.startVirtualThread(() -> { try { Thread.sleep(200); } catch (InterruptedException e) {} "
                + "System.out.println(\"virtual says hi\"); });", cell);
        run("2", new RecordingCell());
        assertTrue(cell.awaitStdout("virtual says hi", 30_000));
    }

    @Test
    void parallelStreamOutputGoesToTheCellRunningIt() {
        String code = "IntStream.range(0, 64).parallel().forEach(i -> System.out.println(\"item \" + i));";
        run(code, new RecordingCell());
        RecordingCell second = new RecordingCell();
        run(code, second);
        assertEquals(64, second.stdout().lines().count(), "common-pool workers made for the first cell print into the second");
    }

    @Test
    void eightThreadsTimesTenThousandLinesAllArriveInOrder() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = run("""
                Thread[] writers = new Thread[8];
                for (int t = 0; t < 8; t++) {
                    int id = t;
                    writers[t] = new Thread(() -> { for (int n = 0; n < 10_000; n++) System.out.println("t" + id + " " + n); });
                    writers[t].start();
                }
                for (Thread w : writers) w.join();
                """, cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        int[] next = new int[8];
        String[] lines = cell.stdout().split("\n");
        assertEquals(80_000, lines.length);
        for (String line : lines) {
            String[] parts = line.split(" ");
            int thread = Integer.parseInt(parts[0].substring(1));
            assertEquals(next[thread], Integer.parseInt(parts[1]), "order of thread " + thread);
            next[thread]++;
        }
    }

    @Test
    void outputArrivesWhileTheCellIsStillRunning() throws Exception {
        RecordingCell cell = new RecordingCell();
        var running = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> run("System.out.println(\"tick\");\nThread.sleep(1500);", cell));
        long t0 = System.nanoTime();
        assertTrue(cell.awaitStdout("tick", 1_400));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(!running.isDone(), "the cell was still running when its output arrived");
        System.out.println("live output arrived within " + millis + " ms of the cell starting");
        assertTrue(running.get().succeeded());
    }

    @Test
    void stdoutAndStderrAreSeparate() {
        RecordingCell cell = new RecordingCell();
        run("System.out.println(\"out\"); System.err.println(\"err\");", cell);
        assertEquals("out\n", cell.stdout());
        assertEquals("err\n", cell.stderr());
    }

    @Test
    void displayAndUpdateDisplay() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = run("String id = display(html(\"<i>a</i>\"));\nupdateDisplay(id, markdown(\"**b**\"));", cell);
        assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.error()));
        List<RecordingCell.Display> displays = cell.displays();
        assertEquals(2, displays.size());
        assertEquals("<i>a</i>", displays.get(0).bundle().data().get("text/html").getAsString());
        assertTrue(displays.get(0).bundle().data().has("text/plain"));
        assertEquals("**b**", displays.get(1).bundle().data().get("text/markdown").getAsString());
        assertTrue(displays.get(1).update());
        assertEquals(displays.get(0).displayId(), displays.get(1).displayId());
    }

    @Test
    void displayAsLastLineShowsNoIdAndClearOutputReachesTheCell() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = run("clearOutput();\ndisplay(\"shown\", \"text/plain\")", cell);
        assertNull(outcome.result());
        assertEquals(1, cell.clears());
        assertEquals("shown", cell.displays().get(0).bundle().data().get("text/plain").getAsString());
    }

    @Test
    void displayAsLastLineAfterACommentedLineShowsNoId() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = run("int n = 2; // the count\n/* shown below */ display(\"n = \" + n, \"text/plain\")", cell);
        assertNull(outcome.result());
        assertEquals("n = 2", cell.displays().get(0).bundle().data().get("text/plain").getAsString());
    }

    @Test
    void imagesAreRenderedAsPngAtTwiceTheirSizeAndShownAtTheirOwn() throws Exception {
        ExecuteOutcome outcome = run("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)",
                new RecordingCell());
        assertTrue(outcome.result().data().has("image/png"), () -> outcome.result().toString());
        assertEquals("image 4x3", outcome.result().data().get("text/plain").getAsString());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(outcome.result().data().get("image/png").getAsString())));
        assertEquals(8, png.getWidth());
        assertEquals(6, png.getHeight());
        assertEquals("{\"image/png\":{\"width\":4,\"height\":3}}", outcome.result().metadata().toString());
    }

    @Test
    void aDisplayedImageCarriesItsDisplaySizeThroughTheSideChannel() {
        RecordingCell cell = new RecordingCell();
        run("display(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB));", cell);
        var metadata = cell.displays().get(0).bundle().metadata().getAsJsonObject("image/png");
        assertEquals(30, metadata.get("width").getAsInt());
        assertEquals(20, metadata.get("height").getAsInt());
    }

    @Test
    void imageVariablesAreRenderedToo() {
        run("var picture = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);", new RecordingCell());
        ExecuteOutcome outcome = run("picture", new RecordingCell());
        assertTrue(outcome.result().data().has("image/png"), () -> outcome.result().toString());
    }

    @Test
    void multiByteCharactersSurviveBatching() {
        RecordingCell cell = new RecordingCell();
        run("for (int i = 0; i < 5000; i++) System.out.print(\"ü€😀\");", cell);
        assertEquals("ü€😀".repeat(5000), cell.stdout());
    }

    @Test
    void stdinAsksTheFrontEnd() {
        RecordingCell cell = new RecordingCell(true, "Ada", "Lovelace");
        ExecuteOutcome outcome = run("var in = new Scanner(System.in);\nin.nextLine() + \" \" + in.nextLine()", cell);
        assertEquals("\"Ada Lovelace\"", outcome.result().data().get("text/plain").getAsString());
        assertEquals(2, cell.prompts(), "one question per line read, none ahead");
    }

    @Test
    void stdinHandsOverAWholeLinePerQuestion() {
        RecordingCell cell = new RecordingCell(true, "x".repeat(200_000));
        long t0 = System.nanoTime();
        ExecuteOutcome outcome = run("new BufferedReader(new InputStreamReader(System.in)).readLine().length()", cell);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("200000", outcome.result().data().get("text/plain").getAsString());
        assertTrue(millis < 30_000, "a 200,000-character line took " + millis + " ms (a round trip per byte?)");
        assertEquals(1, cell.prompts());
    }

    @Test
    void stdinFailsClearlyWhenNotAllowed() {
        RecordingCell cell = new RecordingCell(false);
        ExecuteOutcome outcome = run("new BufferedReader(new InputStreamReader(System.in)).readLine()", cell);
        assertEquals("java.io.IOException", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("allow_stdin is false"), outcome.error().evalue());
    }

    @Test
    void scannerFailingOnRefusedStdinNamesTheCause() {
        RecordingCell cell = new RecordingCell(false);
        ExecuteOutcome outcome = run("new Scanner(System.in).nextLine()", cell);
        assertEquals("java.util.NoSuchElementException", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("allow_stdin is false"), outcome.error().evalue());
        assertTrue(String.join("\n", outcome.error().traceback()).contains("System.in"), outcome.error().traceback().toString());
    }

    @Test
    void userExpressionsAreEvaluatedQuietly() {
        run("int width = 6;", new RecordingCell());
        var value = interpreter.evaluateExpression("width * 7");
        assertEquals("42", value.value().data().get("text/plain").getAsString());
        var error = interpreter.evaluateExpression("noSuchName + 1");
        assertEquals("CompilationError", error.error().ename());
    }

    @Test
    void questionMarkOpensThePager() {
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome outcome = run("Math.max?", cell);
        assertTrue(outcome.succeeded());
        assertEquals(1, cell.payloads().size());
        assertEquals("page", cell.payloads().get(0).get("source").getAsString());
        assertTrue(cell.payloads().get(0).getAsJsonObject("data").get("text/plain").getAsString().contains("max("));
    }
}
