package concurrencylab.magics;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "speedup",
        description = {"Run the cell under each mode and worker count (a warm-up, then the median of REPEAT runs),",
                "check every mode computed what serial computed, and plot speedup over serial with the ideal line",
                "and an Amdahl fit, beside a table of time, speedup and efficiency."})
public final class SpeedupMagic extends HarnessMagic {

    @Option(names = {"-w", "--workers"}, split = ",", paramLabel = "COUNTS",
            description = "Worker counts, e.g. 1,2,4 (default: 1, 2, 4, ... up to the available processors).")
    List<Integer> workers;

    @Option(names = {"-m", "--modes"}, split = ",", paramLabel = "MODES",
            description = "Modes among serial,threads,virtual,processes,gil (default: threads,virtual,processes).")
    List<String> modes;

    @Option(names = {"-r", "--repeat"}, paramLabel = "REPEAT", description = "Timed runs per point (default: 3).")
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
        if (modes != null) {
            modes.forEach(this::requireMode);
        }
    }

    @Override
    String harnessCall(String taskMethod) {
        String modeList = modes == null ? "" : String.join(",", modes);
        String workerList = workers == null ? "" : String.join(",", workers.stream().map(String::valueOf).toList());
        return JavaCode.HARNESS + ".speedup(" + JavaCode.string(modeList) + ", " + JavaCode.string(workerList) + ", "
                + RunMagic.orZero(repeat) + ", " + RunMagic.orZero(tasks) + ", " + svg + ", "
                + JavaCode.task(taskMethod) + ")";
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
