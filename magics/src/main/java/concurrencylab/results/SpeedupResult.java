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
 * the serial run's (empty when all agreed), and where it was measured.
 */
public record SpeedupResult(List<SpeedupPoint> points, List<String> mismatches, Environment environment, int repeat) {

    public SpeedupResult {
        points = List.copyOf(points);
        mismatches = List.copyOf(mismatches);
    }

    public Set<String> modes() {
        Set<String> modes = new LinkedHashSet<>();
        points.forEach(point -> modes.add(point.mode()));
        return modes;
    }

    public List<SpeedupPoint> pointsOf(String mode) {
        return points.stream().filter(point -> point.mode().equals(mode)).toList();
    }

    /** Amdahl's law fitted to each mode's points. */
    public Map<String, AmdahlFit> fits() {
        Map<String, AmdahlFit> fits = new LinkedHashMap<>();
        for (String mode : modes()) {
            List<AmdahlFit.Point> measured = new ArrayList<>();
            pointsOf(mode).forEach(point -> measured.add(new AmdahlFit.Point(point.workers(), point.speedup())));
            fits.put(mode, AmdahlFit.of(measured));
        }
        return fits;
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
                    Durations.format(point.medianNanos()), String.format(Locale.ROOT, "%.2f×", point.speedup()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * point.efficiency())));
        }
        StringBuilder text = new StringBuilder(table.render());
        fits().forEach((mode, fit) -> text.append(String.format(Locale.ROOT,
                "Amdahl fit, %s: serial fraction %.1f%%%n", mode, 100 * fit.serialFraction())));
        text.append(resultsLine()).append('\n');
        cautions().forEach(caution -> text.append(caution).append('\n'));
        text.append("Median of ").append(repeat).append(" after a warm-up; ").append(environment).append('\n');
        return text.toString();
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
        for (SpeedupPoint point : points) {
            String where = String.format(Locale.ROOT, "%s at %d worker%s: %.2f×", point.mode(), point.workers(),
                    point.workers() == 1 ? "" : "s", point.speedup());
            if (point.speedup() > environment.cores() * ABOVE) {
                aboveCores.add(where);
            } else if (point.speedup() > Math.min(point.workers(), environment.cores()) * ABOVE) {
                aboveWorkers.add(where);
            }
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
