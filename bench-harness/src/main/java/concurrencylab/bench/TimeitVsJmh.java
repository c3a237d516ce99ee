package concurrencylab.bench;

import concurrencylab.harness.Harness;
import concurrencylab.harness.TimeitOptions;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.Durations;
import concurrencylab.results.TimeitResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code %timeit}'s machinery beside JMH on the same expressions ({@link TimeitReference}), in one run: the
 * ratio says how far the magic's figure is from a careful benchmark's (JMH in a forked JVM, 5 warm-up and 5
 * measured seconds per expression).
 */
final class TimeitVsJmh {

    private TimeitVsJmh() {
    }

    static void report() throws Exception {
        Map<String, TaskCallable> expressions = new LinkedHashMap<>();
        expressions.put("sqrt", () -> Math.sqrt(TimeitReference.root));
        expressions.put("longToString", () -> Long.toString(TimeitReference.number));
        expressions.put("primesBelow2000", () -> TimeitReference.primesBelow(TimeitReference.limit));
        Map<String, String> shown = Map.of("sqrt", "Math.sqrt(x)", "longToString", "Long.toString(n)",
                "primesBelow2000", "primesBelow(2000)");
        Map<String, TimeitResult> timeit = new LinkedHashMap<>();
        for (var expression : expressions.entrySet()) {
            timeit.put(expression.getKey(), Harness.measureTimeit(new TimeitOptions(null, null), expression.getValue()));
        }
        Map<String, Double> jmh = new LinkedHashMap<>();
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(TimeitReference.class.getName().replace(".", "\\.") + "\\..*")
                .forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT).build()).run()) {
            String method = result.getParams().getBenchmark();
            jmh.put(method.substring(method.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        System.out.println("%timeit beside JMH (JMH: a forked JVM, 5 × 1 s warm-up, mean of 5 × 1 s):");
        System.out.printf(Locale.ROOT, "  %-20s %14s %14s %10s%n", "expression", "%timeit best", "JMH", "ratio");
        for (String name : expressions.keySet()) {
            double best = timeit.get(name).best();
            double reference = jmh.getOrDefault(name, Double.NaN);
            System.out.printf(Locale.ROOT, "  %-20s %14s %14s %9.2f×%s%n", shown.get(name), Durations.format(best),
                    Durations.format(reference), best / reference,
                    timeit.get(name).warnings().isEmpty() ? "" : "  (%timeit warned: " + firstWords(timeit.get(name)) + ")");
        }
    }

    private static String firstWords(TimeitResult result) {
        String warning = result.warnings().get(0);
        int colon = warning.indexOf(':', "Warning: ".length());
        return colon > 0 ? warning.substring("Warning: ".length(), colon) : warning;
    }
}
