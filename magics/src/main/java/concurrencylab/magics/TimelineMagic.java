package concurrencylab.magics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "timeline",
        description = {"Run the cell once under MODE and draw which task ran on which worker, when:",
                "bars side by side in time ran in parallel; one worker taking turns is only concurrency."})
public final class TimelineMagic extends HarnessMagic {

    @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "threads",
            description = "serial, threads, virtual, processes or gil (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = {"-n", "--workers"}, paramLabel = "WORKERS",
            description = "How many workers (default: one per available processor).")
    Integer workers;

    @Option(names = {"-t", "--tasks"}, paramLabel = "TASKS", description = "How many tasks (default: one per worker).")
    Integer tasks;

    @Option(names = "--interval", paramLabel = "MS", description = "GIL switch interval for -m gil (default: 5).")
    Integer interval;

    @Option(names = "--svg", description = "Draw the chart as SVG instead of PNG.")
    boolean svg;

    @Override
    void validate() {
        requirePositive(workers, "-n/--workers");
        requirePositive(tasks, "-t/--tasks");
        requirePositive(interval, "--interval");
        requireMode(mode);
    }

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + ".timeline(" + JavaCode.string(mode) + ", " + RunMagic.orZero(workers) + ", "
                + RunMagic.orZero(tasks) + ", " + RunMagic.orZero(interval) + ", " + svg + ", "
                + JavaCode.task(taskMethod) + ")";
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
