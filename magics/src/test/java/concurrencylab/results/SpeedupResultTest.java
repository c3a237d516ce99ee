package concurrencylab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A speedup the machine cannot have produced is printed with the reason beside it. */
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
        SpeedupResult result = on(2, point("threads", 1, 80, 100), point("threads", 4, 30, 100));
        List<String> cautions = result.cautions();
        assertEquals(2, cautions.size(), cautions::toString);
        assertTrue(cautions.get(0).startsWith("Above the 2 cores (threads at 4 workers: 3.33×)"), cautions.get(0));
        assertTrue(cautions.get(1).startsWith("Above the worker count (threads at 1 worker: 1.25×)"), cautions.get(1));
        assertTrue(result.text().contains(cautions.get(0)), result.text());
    }
}
