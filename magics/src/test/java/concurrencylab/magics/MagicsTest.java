package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.harness.HarnessOptions;
import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.harness.SpeedupOptions;
import concurrencylab.harness.TimeitOptions;
import concurrencylab.harness.TimelineOptions;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicOutcome;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

class MagicsTest {

    private final RecordingSession session = new RecordingSession();

    /** Calls the magic in its cell form, or its line form when it has no cell form. */
    private MagicOutcome call(Magic magic, String body, String... args) throws Exception {
        return call(magic.kinds().contains(Magic.Kind.CELL) ? Magic.Kind.CELL : Magic.Kind.LINE, magic, body, args);
    }

    private MagicOutcome callLine(Magic magic, String body, String... args) throws Exception {
        return call(Magic.Kind.LINE, magic, body, args);
    }

    private MagicOutcome call(Magic.Kind kind, Magic magic, String body, String... args) throws Exception {
        new CommandLine(magic).parseArgs(args);
        return magic.run(session.invocation(body, kind));
    }

    /**
     * The generated call of a harness entry point: its options record from JSON (written here with single
     * quotes for readability), then the task arguments.
     */
    private static String harness(String method, String options, String json, String task) {
        return "concurrencylab.harness.Harness." + method + "(concurrencylab.harness." + options + ".fromJson("
                + JavaCode.string(json.replace('\'', '"')) + "), " + task + ");";
    }

    /** Task method {@code __task_N} as the executors take it: its name and a lambda calling it. */
    private static String task(int number) {
        return "\"__task_" + number + "\", () -> __task_" + number + "()";
    }

    /** The usage text on one line, as picocli wraps it at its width. */
    private static String usage(Magic magic) {
        return new CommandLine(magic).getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
    }

    private String generated() {
        assertEquals(1, session.internal.size());
        return session.internal.get(0);
    }

    @Test
    void threadsGeneratesOneHarnessCallWithTheTaskMethod() throws Exception {
        MagicOutcome outcome = call(new ThreadPoolMagic(), "Task.index()", "-n", "2", "-t", "4");
        assertEquals(harness("run", "RunOptions", "{'mode':'threads','workers':2,'tasks':4}", task(1)), generated());
        assertEquals("concurrencylab.harness.Harness.run(concurrencylab.harness.RunOptions.fromJson("
                + "\"{\\\"mode\\\":\\\"threads\\\",\\\"workers\\\":2,\\\"tasks\\\":4}\"), \"__task_1\", () -> __task_1());",
                generated(), "the generated text itself");
        assertEquals(List.of("Task.index()"), session.bodies);
        assertTrue(outcome.outcome().succeeded());
        assertNull(outcome.outcome().result(), "the harness shows the run itself");
    }

    @Test
    void defaultsAreLeftToTheHarness() throws Exception {
        call(new VirtualMagic(), "1");
        assertEquals(harness("run", "RunOptions", "{'mode':'virtual'}", task(1)), generated());
    }

    @Test
    void coroutinesAndGilPassTheirNamesAndInterval() throws Exception {
        call(new CoroutinesMagic(), "1", "-t", "3");
        call(new GilMagic(), "1", "-n", "2", "--interval", "7");
        assertEquals(List.of(
                harness("run", "RunOptions", "{'mode':'coroutines','tasks':3}", task(1)),
                harness("run", "RunOptions", "{'mode':'gil','workers':2,'gilIntervalMillis':7}", task(2))), session.internal);
    }

    @Test
    void outputNameStoresTheResultInAVariable() throws Exception {
        call(new ProcessesMagic(), "1", "-n", "2", "-o", "run");
        assertEquals(List.of("concurrencylab.harness.Harness.warmWorkers(2);",
                "var run = " + harness("run", "RunOptions", "{'mode':'processes','workers':2}", task(1))), session.internal);
    }

    @Test
    void processesStartsItsWorkersAheadOfARunAndBeforeTheBodyCompiles() throws Exception {
        callLine(new ProcessesMagic(), "", "start", "-n", "3");
        callLine(new ProcessesMagic(), "", "start");
        assertEquals(List.of("concurrencylab.harness.Harness.startWorkers(3);",
                "concurrencylab.harness.Harness.startWorkers(null);"), session.internal);
        assertTrue(session.bodies.isEmpty(), "starting workers compiles no body");
        CommandLine.ParameterException wrong = assertThrows(CommandLine.ParameterException.class,
                () -> callLine(new ProcessesMagic(), "", "stop"));
        assertTrue(wrong.getMessage().contains("%processes start [-n WORKERS]"), wrong.getMessage());
    }

    @Test
    void timeShowsTheValueTimeitKeepsItsResult() throws Exception {
        MagicOutcome time = callLine(new TimeMagic(), "work()");
        assertEquals("concurrencylab.harness.Harness.time(() -> __task_1());", session.internal.get(0));
        assertTrue(time.outcome().result() != null, "%time shows the statement's value");
        call(new TimeitMagic(), "work();", "-n", "10", "-r", "3", "-o", "t");
        assertEquals("var t = " + harness("timeit", "TimeitOptions", "{'loops':10,'repeat':3}", "() -> __task_2()"),
                session.internal.get(1));
        call(new TimeMagic(), "work();", "-o", "w");
        assertEquals("var w = concurrencylab.harness.Harness.timeResult(() -> __task_3());", session.internal.get(2));
    }

    @Test
    void speedupAndTimelinePassTheirListsAsParsed() throws Exception {
        call(new SpeedupMagic(), "x", "-w", "1,2,4", "-m", "threads,processes", "-r", "2", "--svg", "-o", "s");
        call(new TimelineMagic(), "x", "-m", "gil", "-n", "2", "-t", "6");
        assertEquals(List.of(
                "var s = " + harness("speedup", "SpeedupOptions",
                        "{'modes':['threads','processes'],'workers':[1,2,4],'repeat':2,'svg':true}", task(1)),
                harness("timeline", "TimelineOptions", "{'mode':'gil','workers':2,'tasks':6,'svg':false}", task(2))),
                session.internal);
    }

    @Test
    void theOptionsCrossAsJsonAndComeBackAsTheSameRecords() {
        List<HarnessOptions> all = List.of(new RunOptions(Mode.COROUTINES, null, 3, null),
                new TimelineOptions(null, 2, null, 7, true),
                new SpeedupOptions(List.of(Mode.SERIAL, Mode.GIL), List.of(1, 3), null, 4, false),
                new SpeedupOptions(null, null, null, null, false), new TimeitOptions(null, 5));
        for (HarnessOptions options : all) {
            HarnessOptions back = switch (options) {
                case RunOptions run -> RunOptions.fromJson(run.toJson());
                case TimelineOptions timeline -> TimelineOptions.fromJson(timeline.toJson());
                case SpeedupOptions speedup -> SpeedupOptions.fromJson(speedup.toJson());
                case TimeitOptions timeit -> TimeitOptions.fromJson(timeit.toJson());
            };
            assertEquals(options, back, options.toJson());
        }
    }

    @Test
    void everyModeIsTheNameOfTheCellMagicThatRunsOnIt() {
        Set<String> runMagics = new HashSet<>();
        for (Magic magic : ServiceLoader.load(Magic.class)) {
            if (magic instanceof RunMagic run) {
                assertEquals(run.mode().label(), new CommandLine(magic).getCommandName());
                runMagics.add(run.mode().label());
            }
        }
        assertEquals(java.util.Arrays.stream(Mode.values()).map(Mode::label).collect(java.util.stream.Collectors.toSet()),
                runMagics);
    }

    @Test
    void modeOptionsListTheModesAndNameABadOne() {
        String usage = usage(new SpeedupMagic());
        assertTrue(usage.contains("Modes among serial, threads, virtual, processes, gil, cluster (default: "
                + SpeedupOptions.DEFAULT_MODES + ")"), usage);
        assertTrue(usage.contains("(default: " + SpeedupOptions.DEFAULT_REPEAT + ")"), usage);
        String timeline = usage(new TimelineMagic());
        assertTrue(timeline.contains("One of serial, threads, virtual, processes, gil, cluster (default: threads)"), timeline);
        ParameterException bad = assertThrows(ParameterException.class,
                () -> new CommandLine(new TimelineMagic()).parseArgs("-m", "fibers"));
        assertEquals("Invalid value for option '--mode': Unknown mode 'fibers': use one of serial, threads,"
                + " virtual, processes, gil, cluster (or coroutines)", bad.getMessage());
        TimelineMagic any = new TimelineMagic();
        new CommandLine(any).parseArgs("-m", "Coroutines");
        assertEquals(Mode.COROUTINES, any.mode);
    }

    @Test
    void theDefaultsTheHelpTextsNameAreTheHarnesss() {
        assertEquals(List.of(Mode.THREADS, Mode.VIRTUAL, Mode.PROCESSES),
                new SpeedupOptions(null, null, null, null, false).modesOrDefault());
        assertEquals(Mode.THREADS, new TimelineOptions(null, null, null, null, false).run().mode());
        assertEquals(RunOptions.DEFAULT_GIL_INTERVAL_MILLIS, RunOptions.of(Mode.GIL).resolve().gilIntervalMillis());
        assertEquals(TimeitOptions.DEFAULT_REPEAT, new TimeitOptions(null, null).repeatOrDefault());
        assertTrue(usage(new GilMagic()).contains("(default: " + RunOptions.DEFAULT_GIL_INTERVAL_MILLIS + ")"));
    }

    @Test
    void aCompileErrorInTheBodyIsTheCellsErrorAndNothingRuns() throws Exception {
        concurrencylab.spi.ExecuteOutcome error = concurrencylab.spi.ExecuteOutcome.failed(
                new concurrencylab.spi.ExecuteOutcome.ErrorInfo("CompileError", "cannot find symbol", List.of()));
        RecordingSession failing = new RecordingSession() {
            @Override
            public TaskDefinition defineTask(String body, int firstLine, concurrencylab.spi.CellContext cell) {
                return new TaskDefinition(null, error);
            }
        };
        ThreadPoolMagic magic = new ThreadPoolMagic();
        new CommandLine(magic).parseArgs();
        assertEquals(error, magic.run(failing.invocation("nope(")).outcome());
        assertTrue(failing.internal.isEmpty());
    }

    @Test
    void badOptionsAreParameterErrorsThatNameTheOptionAndShowUsage() {
        ParameterException count = assertThrows(ParameterException.class,
                () -> call(new SpeedupMagic(), "1", "-w", "1,two"));
        assertTrue(count.getMessage().contains("--workers"), count.getMessage());

        ParameterException notANumber = assertThrows(ParameterException.class,
                () -> call(new ThreadPoolMagic(), "1", "-n", "two"));
        assertTrue(notANumber.getMessage().contains("--workers"), notANumber.getMessage());
        assertTrue(notANumber.getCommandLine().getUsageMessage().contains("--workers=WORKERS"));

        assertThrows(CommandLine.UnmatchedArgumentException.class, () -> call(new ThreadPoolMagic(), "1", "-x"));

        ParameterException zero = assertThrows(ParameterException.class, () -> call(new ThreadPoolMagic(), "1", "-t", "0"));
        assertEquals("-t/--tasks must be at least 1, got 0", zero.getMessage());

        ParameterException mode = assertThrows(ParameterException.class,
                () -> call(new SpeedupMagic(), "1", "-m", "threads,fibers"));
        assertTrue(mode.getMessage().contains("Unknown mode 'fibers'"), mode.getMessage());

        ParameterException name = assertThrows(ParameterException.class, () -> callLine(new TimeitMagic(), "1", "-o", "2x"));
        assertTrue(name.getMessage().contains("Java variable name"), name.getMessage());

        ParameterException empty = assertThrows(ParameterException.class, () -> callLine(new TimeMagic(), " "));
        assertEquals("%time needs code to run after its options", empty.getMessage());
        ParameterException emptyCell = assertThrows(ParameterException.class, () -> call(new TimeMagic(), " "));
        assertEquals("%%time needs code to run in the cell below its first line", emptyCell.getMessage());

        assertTrue(session.internal.isEmpty(), "nothing ran after a bad option");
    }

    @Test
    void timeAndTimeitDescribeTheirCellFormApart() {
        for (Magic magic : List.of(new TimeMagic(), new TimeitMagic())) {
            CommandLine.Model.CommandSpec line = new CommandLine(magic).getCommandSpec();
            CommandLine.Model.CommandSpec cell = new CommandLine(magic).getCommandSpec();
            magic.describe(Magic.Kind.LINE, line);
            magic.describe(Magic.Kind.CELL, cell);
            String lineUsage = new CommandLine(line).getUsageMessage(CommandLine.Help.Ansi.OFF);
            String cellUsage = new CommandLine(cell).getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(lineUsage.startsWith("Usage: %" + line.name() + " [") && lineUsage.contains("] STMT\n"), lineUsage);
            assertTrue(lineUsage.contains("STMT"), lineUsage);
            assertTrue(cellUsage.startsWith("Usage: %%" + cell.name() + " [") && !cellUsage.contains("STMT"), cellUsage);
            assertTrue(cellUsage.contains("the cell"), cellUsage);
        }
    }

    @Test
    void everyMagicIsRegisteredOnceByNameAndKind() {
        Set<String> seen = new HashSet<>();
        for (Magic magic : ServiceLoader.load(Magic.class)) {
            String name = new CommandLine(magic).getCommandName();
            for (Magic.Kind kind : magic.kinds()) {
                assertTrue(seen.add((kind == Magic.Kind.CELL ? "%%" : "%") + name), name);
            }
        }
        assertEquals(Set.of("%%serial", "%%threads", "%%virtual", "%%coroutines", "%processes", "%%processes", "%%gil", "%time",
                "%%time", "%timeit", "%%timeit", "%%speedup", "%%timeline", "%cluster", "%%cluster"), seen);
    }

    /** %lsmagic shows the first line of each description: it must be a sentence of its own. */
    @Test
    void everyDescriptionStartsWithACompleteSentence() {
        for (Magic magic : ServiceLoader.load(Magic.class)) {
            for (Magic.Kind kind : magic.kinds()) {
                CommandLine.Model.CommandSpec spec = new CommandLine(magic).getCommandSpec();
                magic.describe(kind, spec);
                String first = spec.usageMessage().description()[0].strip();
                assertTrue(first.matches("[A-Z].*[.?!]"), spec.name() + " (" + kind + "): " + first);
            }
        }
    }
}
