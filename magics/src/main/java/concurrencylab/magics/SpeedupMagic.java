package concurrencylab.magics;

import concurrencylab.harness.Mode;
import concurrencylab.harness.SpeedupOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "speedup",
        description = {"Run the cell under each mode and worker count and plot the speedup over serial.",
                "Each point is a warm-up, then the median of REPEAT runs. Every mode is checked against what serial",
                "computed; the plot has the ideal line and an Amdahl fit, beside a table of time, speedup and efficiency."})
public final class SpeedupMagic extends HarnessMagic {

    @Option(names = {"-w", "--workers"}, split = ",", paramLabel = "COUNTS",
            description = "Worker counts, e.g. 1,2,4 (default: 1, 2, 4, ... up to the available processors).")
    List<Integer> workers;

    @Option(names = {"-m", "--modes"}, split = ",", paramLabel = "MODES", converter = ModeOption.Converter.class,
            completionCandidates = ModeOption.Names.class,
            description = "Modes among ${COMPLETION-CANDIDATES} (default: " + SpeedupOptions.DEFAULT_MODES + ").")
    List<Mode> modes;

    @Option(names = {"-r", "--repeat"}, paramLabel = "REPEAT",
            description = "Timed runs per point (default: " + SpeedupOptions.DEFAULT_REPEAT + ").")
    Integer repeat;

    @Option(names = {"-t", "--tasks"}, paramLabel = "TASKS",
            description = "Tasks per run (default: as many as workers).")
    Integer tasks;

    @Option(names = "--svg", description = "Draw the chart as SVG instead of PNG.")
    boolean svg;

    @Override
    void validate() {
        requirePositive(repeat, "-r/--repeat");
        requirePositive(tasks, "-t/--tasks");
        if (workers != null) {
            workers.forEach(count -> requirePositive(count, "-w/--workers"));
        }
    }

    /** What the user asked for, lists as picocli parsed them; the harness fills in the rest. */
    SpeedupOptions options() {
        return new SpeedupOptions(modes, workers, repeat, tasks, svg);
    }

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + ".speedup(" + JavaCode.options(options()) + ", " + JavaCode.task(taskMethod) + ")";
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
