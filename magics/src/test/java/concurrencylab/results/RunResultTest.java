package concurrencylab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.results.format.HtmlFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** What a run prints about its results: nothing for a body that returns nothing, a cut list for many tasks. */
class RunResultTest {

    private static RunResult run(int tasks, IntFunction<Object> result) {
        List<TaskRecord> records = new ArrayList<>();
        for (int index = 0; index < tasks; index++) {
            records.add(new TaskRecord(index, "threads-" + (index % 2 + 1), index * 1_000_000L, 1_000_000, 1_000_000,
                    result.apply(index), null));
        }
        return new RunResult("threads", 2, records, tasks * 1_000_000L, tasks * 1_000_000L);
    }

    private static String resultLine(RunResult run) {
        return run.summary().lines().filter(line -> line.startsWith("Result")).findFirst().orElse(null);
    }

    @Test
    void aBodyThatReturnsNothingPrintsNoResultListButItsRun() {
        RunResult run = run(16, index -> null);
        assertEquals(null, resultLine(run), run.summary());
        assertTrue(run.summary().startsWith("threads: 16 tasks on 2 workers"), run.summary());
        assertTrue(run.summary().contains("task 15 on threads-2"), run.summary());
        assertFalse(run.summary().contains("null"), run.summary());
        assertFalse(HtmlFormat.run(run).contains("null"), "no column of nulls in the table");
        assertFalse(HtmlFormat.run(run).contains("<th>result</th>"));
        assertEquals(16, run.results().size(), "the value keeps every task's result");
    }

    @Test
    void someResultsAreShownWithTheirNulls() {
        RunResult run = run(3, index -> index == 1 ? "b" : null);
        assertEquals("Result: [null, b, null]", resultLine(run));
        assertTrue(HtmlFormat.run(run).contains("<th>result</th>"));
    }

    @Test
    void aShortListIsShownWhole() {
        assertEquals("Result: [0, 1, 2, 3]", resultLine(run(4, index -> index)));
        assertEquals("Result: 7", resultLine(run(1, index -> 7)), "one task: its value, not a list");
    }

    @Test
    void aListOfManyEntriesShowsTheFirstSixteenAndHowManyMore() {
        RunResult run = run(1000, index -> index);
        assertEquals("Result: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, … 984 more]", resultLine(run));
        assertEquals(1000, ((List<?>) run.value()).size(), "the value keeps every result");
    }

    @Test
    void aListOfWideEntriesStopsAtAboutTwoLines() {
        String wide = "x".repeat(50);
        String line = resultLine(run(10, index -> wide + index));
        assertEquals("Result: [" + wide + "0, " + wide + "1, " + wide + "2, … 7 more]", line);
        assertTrue(line.length() < 2 * 100, line);
    }

    @Test
    void oneHugeEntryIsStillShownCut() {
        String line = ValueText.list(List.of("y".repeat(1000), "z"));
        assertTrue(line.startsWith("[" + "y".repeat(300) + "…, … 1 more]"), line);
    }
}
