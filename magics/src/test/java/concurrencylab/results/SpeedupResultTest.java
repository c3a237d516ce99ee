package concurrencylab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A speedup the machine cannot have produced is printed with the reason beside it; Amdahl's law is fitted only
 * where the points allow and follow it, and otherwise the table says why in words.
 */
class SpeedupResultTest {

    private static SpeedupPoint point(String mode, int workers, long median, long serial) {
        return new SpeedupPoint(mode, workers, workers, List.of(median), median, serial);
    }

    private static SpeedupResult on(int cores, SpeedupPoint... points) {
        return new SpeedupResult(List.of(points), List.of(), new Environment(cores, "25", "G1", 1L << 30), 3);
    }

    @Test
    void plausibleSpeedupsNeedNoWords() {
        SpeedupResult result = on(2, point("threads", 1, 100, 100), point("threads", 2, 55, 100));
        assertEquals(List.of(), result.cautions());
    }

    @Test
    void aboveTheWorkerCountOrTheCoresIsExplained() {
        SpeedupResult result = on(4, point("threads", 2, 30, 100), point("threads", 8, 20, 100));
        List<String> cautions = result.cautions();
        assertEquals(2, cautions.size(), cautions::toString);
        assertTrue(cautions.get(0).startsWith("Above the 4 cores (threads at 8 workers: 5.00×)"), cautions.get(0));
        assertTrue(cautions.get(1).startsWith("Above the worker count (threads at 2 workers: 3.33×)"), cautions.get(1));
        assertTrue(result.text().contains(cautions.get(0)), result.text());
    }

    @Test
    void aOneWorkerPointFarFromSerialIsAnUnstableMeasurementNotASpeedup() {
        SpeedupResult result = on(2, point("serial", 1, 100, 100), point("threads", 1, 80, 100),
                point("virtual", 1, 97, 100));
        assertTrue(result.point("threads", 1).unstable());
        assertFalse(result.point("virtual", 1).unstable(), "3% from serial is within the tolerance");
        assertFalse(result.point("serial", 1).unstable());
        assertEquals(List.of("Unstable measurement (threads at 1 worker: 1.25× serial's speed): one worker does"
                + " serial's work, so a time more than 10% away from serial's is noise (the JIT, other work on the"
                + " machine), not a speedup; it is left out of the fits. Measure again, with more repeats (-r)."),
                result.cautions());
        assertTrue(result.text().contains("1.25× unstable"), result.text());
    }

    @Test
    void serialHasNoModelAndOneCountAboveOneIsNotEnoughForAFit() {
        SpeedupResult result = on(2, point("serial", 1, 100, 100), point("threads", 1, 100, 100),
                point("threads", 2, 52, 100));
        assertFalse(result.models().containsKey("serial"));
        assertNull(result.models().get("threads").fit());
        assertTrue(result.text().contains("threads: no Amdahl fit: it needs speedups at two or more worker counts"
                + " above 1 (measured at one)"), result.text());
        assertFalse(result.text().contains("serial fraction"), result.text());
    }

    @Test
    void pointsThatFollowAmdahlGetTheirSerialFraction() {
        AmdahlFit truth = new AmdahlFit(0.2);
        SpeedupResult result = on(8, point("threads", 1, 100, 100),
                point("threads", 2, Math.round(100 / truth.speedup(2)), 100),
                point("threads", 4, Math.round(100 / truth.speedup(4)), 100),
                point("threads", 8, Math.round(100 / truth.speedup(8)), 100));
        ScalingModel model = result.models().get("threads");
        assertEquals(0.2, model.fit().serialFraction(), 0.01);
        assertTrue(model.line().startsWith("Amdahl fit, threads: serial fraction 20."), model.line());
    }

    @Test
    void superlinearIoBoundOrBadlyFittingPointsAreExplainedInWords() {
        ScalingModel superlinear = on(8, point("virtual", 2, 20, 100), point("virtual", 4, 10, 100))
                .models().get("virtual");
        assertNull(superlinear.fit());
        assertTrue(superlinear.reason().startsWith("no Amdahl fit: superlinear (5.00× at 2 workers, 10.00× at 4"
                + " workers)"), superlinear.reason());

        SpeedupResult waiting = on(8, new SpeedupPoint("threads", 2, 2, List.of(60L), 60, 100, 0.1),
                new SpeedupPoint("threads", 4, 4, List.of(40L), 40, 100, 0.1));
        assertTrue(waiting.models().get("threads").reason().startsWith("no Amdahl fit: I/O-bound (the tasks kept"
                + " their workers busy 10% of the time"), waiting.models().get("threads").reason());
        // sleeping tasks against a serial run slowed by its own sleeps: above the workers, yet waiting explains it,
        // and no caution blames other work on the machine
        SpeedupResult sleepers = on(2, new SpeedupPoint("threads", 4, 16, List.of(40L), 40, 200, 0.01),
                new SpeedupPoint("threads", 16, 16, List.of(12L), 12, 200, 0.01));
        assertTrue(sleepers.models().get("threads").waits(), sleepers.models().get("threads").reason());
        assertEquals(List.of(), sleepers.cautions());
        // virtual threads have no CPU clock, but 8 waiting tasks at 7.8× on 2 cores cannot be CPU work
        ScalingModel aboveCores = on(2, point("virtual", 2, 51, 100), point("virtual", 8, 13, 100))
                .models().get("virtual");
        assertTrue(aboveCores.reason().startsWith("no Amdahl fit: I/O-bound (7.69× on 2 cores"), aboveCores.reason());
        // and no caution blames other work for a speedup that waiting explains
        assertEquals(List.of(), on(2, point("virtual", 2, 51, 100), point("virtual", 8, 13, 100)).cautions());

        // faster at 2 than at 4 and 8: no serial fraction explains a curve that falls
        ScalingModel falling = on(8, point("processes", 2, 55, 100), point("processes", 4, 90, 100),
                point("processes", 8, 140, 100)).models().get("processes");
        assertNull(falling.fit());
        assertTrue(falling.reason().startsWith("no Amdahl fit: the best curve misses the points by"), falling.reason());
    }
}
