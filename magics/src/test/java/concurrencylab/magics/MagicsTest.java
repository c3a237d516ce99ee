package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.magic.Magic;
import concurrencylab.magic.MagicOutcome;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

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

    private String generated() {
        assertEquals(1, session.internal.size());
        return session.internal.get(0);
    }

    @Test
    void threadsGeneratesOneHarnessCallWithTheTaskMethod() throws Exception {
        MagicOutcome outcome = call(new ThreadPoolMagic(), "Task.index()", "-n", "2", "-t", "4");
        assertEquals("concurrencylab.harness.Harness.run(\"threads\", 2, 4, 0, \"__task_1\", () -> __task_1());",
                generated());
        assertEquals(List.of("Task.index()"), session.bodies);
        assertTrue(outcome.outcome().succeeded());
        assertNull(outcome.outcome().result(), "the harness shows the run itself");
    }

    @Test
    void defaultsAreLeftToTheHarness() throws Exception {
        call(new VirtualMagic(), "1");
        assertEquals("concurrencylab.harness.Harness.run(\"virtual\", 0, 0, 0, \"__task_1\", () -> __task_1());",
                generated());
    }

    @Test
    void coroutinesAndGilPassTheirNamesAndInterval() throws Exception {
        call(new CoroutinesMagic(), "1", "-t", "3");
        call(new GilMagic(), "1", "-n", "2", "--interval", "7");
        assertEquals(List.of(
                "concurrencylab.harness.Harness.run(\"coroutines\", 0, 3, 0, \"__task_1\", () -> __task_1());",
                "concurrencylab.harness.Harness.run(\"gil\", 2, 0, 7, \"__task_2\", () -> __task_2());"), session.internal);
    }

    @Test
    void outputNameStoresTheResultInAVariable() throws Exception {
        call(new ProcessesMagic(), "1", "-n", "2", "-o", "run");
        assertEquals("var run = concurrencylab.harness.Harness.run(\"processes\", 2, 0, 0, \"__task_1\", () -> __task_1());",
                generated());
    }

    @Test
    void timeShowsTheValueTimeitKeepsItsResult() throws Exception {
        MagicOutcome time = callLine(new TimeMagic(), "work()");
        assertEquals("concurrencylab.harness.Harness.time(() -> __task_1());", session.internal.get(0));
        assertTrue(time.outcome().result() != null, "%time shows the statement's value");
        call(new TimeitMagic(), "work();", "-n", "10", "-r", "3", "-o", "t");
        assertEquals("var t = concurrencylab.harness.Harness.timeit(10, 3, () -> __task_2());", session.internal.get(1));
        call(new TimeMagic(), "work();", "-o", "w");
        assertEquals("var w = concurrencylab.harness.Harness.timeResult(() -> __task_3());", session.internal.get(2));
    }

    @Test
    void speedupAndTimelinePassTheirLists() throws Exception {
        call(new SpeedupMagic(), "x", "-w", "1,2,4", "-m", "threads,processes", "-r", "2", "--svg", "-o", "s");
        call(new TimelineMagic(), "x", "-m", "gil", "-n", "2", "-t", "6");
        assertEquals(List.of(
                "var s = concurrencylab.harness.Harness.speedup(\"threads,processes\", \"1,2,4\", 2, 0, true, \"__task_1\", () -> __task_1());",
                "concurrencylab.harness.Harness.timeline(\"gil\", 2, 6, 0, false, \"__task_2\", () -> __task_2());"),
                session.internal);
    }

    @Test
    void aCompileErrorInTheBodyIsTheCellsErrorAndNothingRuns() throws Exception {
        concurrencylab.core.ExecuteOutcome error = concurrencylab.core.ExecuteOutcome.failed(
                new concurrencylab.core.ExecuteOutcome.ErrorInfo("CompileError", "cannot find symbol", List.of()));
        RecordingSession failing = new RecordingSession() {
            @Override
            public TaskDefinition defineTask(String body, int firstLine, concurrencylab.core.CellContext cell) {
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
        assertEquals(Set.of("%%serial", "%%threads", "%%virtual", "%%coroutines", "%%processes", "%%gil", "%time",
                "%%time", "%timeit", "%%timeit", "%%speedup", "%%timeline"), seen);
    }
}
