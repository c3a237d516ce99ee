package concurrencylab.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code %%speedup} measured: every mode at every worker count, the modes whose results differed from
 * the serial run's (empty when all agreed), where it was measured, the timed passes, and the warm-up passes
 * that came first ({@code settled}: every point's time had settled by the last one).
 */
public record SpeedupResult(List<SpeedupPoint> points, List<String> mismatches, Environment environment, int repeat,
                            int warmupPasses, boolean settled) {

    public SpeedupResult {
        points = List.copyOf(points);
        mismatches = List.copyOf(mismatches);
    }

    /** A result whose warm-up is not recorded. */
    public SpeedupResult(List<SpeedupPoint> points, List<String> mismatches, Environment environment, int repeat) {
        this(points, mismatches, environment, repeat, 1, true);
    }

    public Set<String> modes() {
        Set<String> modes = new LinkedHashSet<>();
        points.forEach(point -> modes.add(point.mode()));
        return modes;
    }

    public List<SpeedupPoint> pointsOf(String mode) {
        return points.stream().filter(point -> point.mode().equals(mode)).toList();
    }

    /** What each mode's points say about its scaling (serial has none: it is the baseline). */
    public Map<String, ScalingModel> models() {
        Map<String, ScalingModel> models = new LinkedHashMap<>();
        for (String mode : modes()) {
            if (!mode.equals("serial")) {
                models.put(mode, ScalingModel.of(mode, pointsOf(mode).stream().filter(p -> !p.unstable()).toList(),
                        environment.cores()));
            }
        }
        return models;
    }

    public SpeedupPoint point(String mode, int workers) {
        return points.stream().filter(point -> point.mode().equals(mode) && point.workers() == workers).findFirst()
                .orElse(null);
    }

    /** The table as aligned text, the fits, the check of results and the environment line. */
    public String text() {
        TextTable table = new TextTable(List.of("mode", "workers", "tasks", "time", "speedup", "efficiency"));
        for (SpeedupPoint point : points) {
            table.add(List.of(point.mode(), Integer.toString(point.workers()), Integer.toString(point.tasks()),
                    Durations.format(point.medianNanos()), speedupText(point),
                    point.unstable() ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * point.efficiency())));
        }
        StringBuilder text = new StringBuilder(table.render());
        models().values().forEach(model -> text.append(model.line()).append('\n'));
        text.append(resultsLine()).append('\n');
        cautions().forEach(caution -> text.append(caution).append('\n'));
        text.append(measuredLine()).append('\n');
        return text.toString();
    }

    /** The speedup as the table shows it: an unstable 1-worker point is not a speedup, and says so. */
    public static String speedupText(SpeedupPoint point) {
        return String.format(Locale.ROOT, point.unstable() ? "%.2f× unstable" : "%.2f×", point.speedup());
    }

    /** How the points were measured, and where. */
    public String measuredLine() {
        return "Median of " + repeat + " interleaved passes after " + warmupPasses + " warm-up pass"
                + (warmupPasses == 1 ? "" : "es") + (settled ? "" : " (some points had not settled: noisy machine)")
                + "; " + environment;
    }

    /** Measured speedups above these factors are not parallelism: the lines that say so. */
    private static final double ABOVE = 1.05;

    /**
     * What the table cannot mean: speedups above the number of cores, or above the number of workers, are not
     * parallelism, and the lines here say what they are instead; empty when there are none.
     */
    public List<String> cautions() {
        List<String> cautions = new ArrayList<>();
        List<String> aboveCores = new ArrayList<>();
        List<String> aboveWorkers = new ArrayList<>();
        List<String> unstable = new ArrayList<>();
        Map<String, ScalingModel> models = models();
        for (SpeedupPoint point : points) {
            if (point.unstable()) {
                unstable.add(String.format(Locale.ROOT, "%s at 1 worker: %.2f× serial's speed", point.mode(),
                        point.speedup()));
                continue;
            }
            if (models.containsKey(point.mode()) && models.get(point.mode()).waits()) {
                continue; // waits overlap without cores: its model line already says so
            }
            String where = String.format(Locale.ROOT, "%s at %d worker%s: %.2f×", point.mode(), point.workers(),
                    point.workers() == 1 ? "" : "s", point.speedup());
            if (point.speedup() > environment.cores() * ABOVE) {
                aboveCores.add(where);
            } else if (point.speedup() > Math.min(point.workers(), environment.cores()) * ABOVE) {
                aboveWorkers.add(where);
            }
        }
        if (!unstable.isEmpty()) {
            cautions.add("Unstable measurement (" + String.join("; ", unstable) + "): one worker does serial's work,"
                    + " so a time more than 10% away from serial's is noise (the JIT, other work on the machine),"
                    + " not a speedup; it is left out of the fits. Measure again, with more repeats (-r).");
        }
        if (!aboveCores.isEmpty()) {
            cautions.add("Above the " + environment.cores() + " cores (" + String.join("; ", aboveCores) + "): more"
                    + " cores than exist cannot have worked, so the serial run was slowed by something else (other"
                    + " work on the machine, JIT compilation, a cold cache); measure again on an idle machine.");
        }
        if (!aboveWorkers.isEmpty()) {
            cautions.add("Above the worker count (" + String.join("; ", aboveWorkers) + "): that many workers cannot"
                    + " run faster than serial by parallelism alone, so these points measure noise (other work,"
                    + " JIT compilation, caches) as much as the mode.");
        }
        return cautions;
    }

    public String resultsLine() {
        return mismatches.isEmpty() ? "Every mode computed the same result as serial."
                : "DIFFERENT RESULT from serial: " + String.join("; ", mismatches);
    }

    @Override
    public String toString() {
        return text();
    }
}
