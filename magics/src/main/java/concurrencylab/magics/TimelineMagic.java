package concurrencylab.magics;

import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.harness.TimelineOptions;
import concurrencylab.harness.gil.GilPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "timeline",
        description = {"Run the cell once under MODE and draw which task ran on which worker, and when.",
                "Bars side by side in time ran in parallel; one worker taking turns is only concurrency.",
                "With -m gil, a thin black line inside the bars marks when each thread held the lock."})
public final class TimelineMagic extends HarnessMagic {

    @Option(names = {"-m", "--mode"}, paramLabel = "MODE", converter = ModeOption.Converter.class,
            completionCandidates = ModeOption.Names.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: " + TimelineOptions.DEFAULT_MODE + ").")
    Mode mode;

    @Option(names = {"-n", "--workers"}, paramLabel = "WORKERS",
            description = "How many workers (default: one per available processor).")
    Integer workers;

    @Option(names = {"-t", "--tasks"}, paramLabel = "TASKS", description = "How many tasks (default: one per worker).")
    Integer tasks;

    @Option(names = "--interval", paramLabel = "MS",
            description = "GIL switch interval for -m gil (default: " + RunOptions.DEFAULT_GIL_INTERVAL_MILLIS + ").")
    Integer interval;

    @Option(names = "--policy", paramLabel = "POLICY", converter = GilPolicyOption.class,
            completionCandidates = GilPolicyOption.Names.class,
            description = "GIL policy for -m gil: new (default) or old.")
    GilPolicy policy;

    @Option(names = "--ticks", paramLabel = "TICKS",
            description = "GIL check interval of --policy old (default: " + RunOptions.DEFAULT_GIL_CHECK_TICKS + ").")
    Integer ticks;

    @Option(names = "--svg", description = "Draw the chart as SVG instead of PNG.")
    boolean svg;

    @Override
    void validate() {
        requirePositive(workers, "-n/--workers");
        requirePositive(tasks, "-t/--tasks");
        requirePositive(interval, "--interval");
        requirePositive(ticks, "--ticks");
    }

    /** What the user asked for; the harness fills in the rest. */
    TimelineOptions options() {
        return new TimelineOptions(mode, workers, tasks, interval, svg, policy, ticks);
    }

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + ".timeline(" + JavaCode.options(options()) + ", " + JavaCode.task(taskMethod) + ")";
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
