package concurrencylab.magics;

import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.harness.gil.GilPolicy;
import picocli.CommandLine.Option;

/**
 * Runs the cell body as TASKS tasks on one executor; inside, {@code Task.index()} and {@code Task.count()}
 * tell each task its share. Each subclass is the magic of one {@link Mode}, named as the mode.
 */
abstract class RunMagic extends HarnessMagic {

    private final Mode mode;

    @Option(names = {"-t", "--tasks"}, paramLabel = "TASKS",
            description = "How many tasks to run the body as (default: one per worker).")
    Integer tasks;

    RunMagic(Mode mode) {
        this.mode = mode;
    }

    Mode mode() {
        return mode;
    }

    Integer workers() {
        return null;
    }

    Integer gilInterval() {
        return null;
    }

    GilPolicy gilPolicy() {
        return null;
    }

    Integer gilCheckTicks() {
        return null;
    }

    @Override
    void validate() {
        requirePositive(tasks, "-t/--tasks");
        requirePositive(workers(), "-n/--workers");
    }

    /** What the user asked for; the harness fills in the rest. */
    RunOptions options() {
        return new RunOptions(mode, workers(), tasks, gilInterval(), gilPolicy(), gilCheckTicks());
    }

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + ".run(" + JavaCode.options(options()) + ", " + JavaCode.task(taskMethod) + ")";
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
