package concurrencylab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.results.SpeedupResult;
import concurrencylab.results.TimeitResult;
import concurrencylab.results.format.ChartImage;
import concurrencylab.results.format.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeasuringTest {

    /** Everything shown, in order; updates are recorded as "update:" + id. */
    private final List<Object> shown = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();

    @BeforeEach
    void captureDisplays() {
        Displays.use(new Displays.Sink() {
            @Override
            public String display(Object value) {
                shown.add(value);
                return "display-" + shown.size();
            }

            @Override
            public void update(String displayId, Object value) {
                updates.add(displayId);
                shown.add(value);
            }
        });
    }

    @AfterEach
    void restore() {
        Displays.use(null);
    }

    @Test
    void timeitChoosesTheLoopCountLikeIPython() throws Exception {
        TimeitResult result = Harness.timeit(new TimeitOptions(null, 2), () -> {
            Thread.sleep(30);
            return null;
        });
        assertEquals(10, result.loops(), "5 loops of 30 ms are under 0.2 s, 10 are over");
        assertEquals(2, result.perLoopNanos().size());
        assertTrue(result.best() >= 30e6 && result.average() >= result.best());
        assertTrue(result.toString().matches("(?s).* ± .* per loop \\(mean ± std\\. dev\\. of 2 runs, 10 loops each,"
                + " after \\d+ warm-up runs?\\), best .*"), result.toString());
        assertTrue(result.warmupRuns() >= 2, "warm-up runs until two agree: " + result);
    }

    @Test
    void timeitTakesTheGivenCounts() throws Exception {
        int[] calls = {0};
        TimeitResult result = Harness.timeit(new TimeitOptions(4, 3), () -> calls[0]++);
        assertEquals(1 + 4 * result.warmupRuns() + 4 * 3, calls[0], "one call, warm-up runs of 4, then 3 runs of 4");
        assertTrue(result.warmupRuns() >= 2 && result.warmupRuns() <= 10, result.toString());
        assertEquals(4, result.loops());
    }

    @Test
    void timeitHandsEveryValueToTheSinkAndWarnsWhenACallCostsAlmostNothing() throws Exception {
        int[] calls = {0};
        TimeitResult trivial = Harness.measureTimeit(new TimeitOptions(null, 3), () -> calls[0]);
        assertTrue(trivial.best() < TimeitResult.SUSPICIOUS_NANOS, trivial.toString());
        assertTrue(trivial.toString().contains("Warning: under 5 ns per call is a few machine instructions: the JIT"
                + " may have optimised the work away"), trivial.toString());
        TimeitResult slow = Harness.measureTimeit(new TimeitOptions(5, 2), () -> {
            Thread.sleep(2);
            return null;
        });
        assertTrue(slow.warnings().stream().noneMatch(warning -> warning.contains("optimised")), slow.toString());
    }

    @Test
    void speedupMeasuresEveryPointChecksResultsAndShowsProgressChartAndTable() throws Exception {
        SpeedupResult result = Harness.speedup(new SpeedupOptions(List.of(Mode.THREADS, Mode.VIRTUAL), List.of(1, 2), 1, null, false),
                null, Workloads::list);
        assertEquals(4, result.points().size());
        assertEquals(List.of(), result.mismatches());
        assertEquals(2, result.point("threads", 2).tasks());
        assertTrue(shown.get(0) instanceof ProgressBar);
        ProgressBar last = (ProgressBar) shown.stream().filter(ProgressBar.class::isInstance).reduce((a, b) -> b).orElseThrow();
        assertEquals(last.total(), last.done());
        assertEquals((2 + 4) * (SpeedupRun.MAX_WARMUP_PASSES + 1), last.total(),
                "serial at 2 task counts and 4 points, each up to 6 warm-up passes and a run");
        assertTrue(result.warmupPasses() >= 2 && result.warmupPasses() <= SpeedupRun.MAX_WARMUP_PASSES, result.text());
        assertTrue(updates.stream().allMatch("display-1"::equals), "progress replaced in place");
        assertTrue(shown.stream().anyMatch(ChartImage.class::isInstance));
        assertTrue(shown.get(shown.size() - 1) instanceof SpeedupResult);
    }

    @Test
    void speedupInterleavesTheModesAcrossItsTimedPasses() throws Exception {
        Harness.speedup(new SpeedupOptions(List.of(Mode.THREADS), List.of(1, 2), 2, null, false), null, Workloads::list);
        List<String> timed = shown.stream().filter(ProgressBar.class::isInstance).map(bar -> ((ProgressBar) bar).current())
                .filter(step -> step.contains("run ")).toList();
        // serial at 1 and 2 tasks, threads at 1 and 2 workers: each once per pass, the first pass before the second
        assertEquals(List.of("serial × 1, run 1/2", "serial × 1, run 1/2", "threads × 1, run 1/2", "threads × 2, run 1/2",
                "serial × 1, run 2/2", "serial × 1, run 2/2", "threads × 1, run 2/2", "threads × 2, run 2/2"), timed);
    }

    @Test
    void speedupNamesTheModeThatComputedSomethingElse() throws Exception {
        SpeedupResult result = Harness.speedup(new SpeedupOptions(List.of(Mode.THREADS, Mode.VIRTUAL), List.of(2), 1, 2, false), null,
                () -> Thread.currentThread().isVirtual() ? -1 : Task.index());
        assertEquals(1, result.mismatches().size());
        assertTrue(result.mismatches().get(0).startsWith("virtual at 2 workers gave [-1, -1], serial gave [0, 1]"),
                result.mismatches().get(0));
        assertTrue(result.text().contains("DIFFERENT RESULT"));
    }

    @Test
    void badSpeedupOptionsAreClearErrors() {
        IllegalArgumentException workers = assertThrows(IllegalArgumentException.class,
                () -> Harness.speedup(new SpeedupOptions(null, List.of(1, 0), 1, null, false), null, () -> 1));
        assertEquals("worker counts must be at least 1, got 0", workers.getMessage());
        IllegalArgumentException modes = assertThrows(IllegalArgumentException.class,
                () -> Harness.speedup(new SpeedupOptions(List.of(), null, 1, null, false), null, () -> 1));
        assertTrue(modes.getMessage().contains("at least one mode"), modes.getMessage());
        RuntimeException mode = assertThrows(RuntimeException.class,
                () -> SpeedupOptions.fromJson("{\"modes\":[\"fibers\"]}"));
        assertTrue(mode.getMessage().contains("Unknown mode 'fibers'"), mode.getMessage());
    }

    @Test
    void timelineShowsAChartAndTheRun() throws Exception {
        Harness.timeline(new TimelineOptions(Mode.THREADS, 2, 4, null, true), null, Workloads::whoAmI);
        ChartImage chart = (ChartImage) shown.get(0);
        assertEquals(ChartImage.Format.SVG, chart.format());
        assertTrue(chart.chart().getTitle().contains("4 tasks on 2 workers"), chart.chart().getTitle());
    }
}
