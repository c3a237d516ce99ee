package concurrencylab.magics;

import picocli.CommandLine.Option;

/**
 * Runs the cell body as TASKS tasks on one executor; inside, {@code Task.index()} and {@code Task.count()}
 * tell each task its share. Subclasses name the executor.
 */
abstract class RunMagic extends HarnessMagic {

    @Option(names = {"-t", "--tasks"}, paramLabel = "TASKS",
            description = "How many tasks to run the body as (default: one per worker).")
    Integer tasks;

    /** Executor name for the harness and the thread names: the magic's own name. */
    String mode() {
        return spec.name();
    }

    Integer workers() {
        return null;
    }

    int gilInterval() {
        return 0;
    }

    @Override
    void validate() {
        requirePositive(tasks, "-t/--tasks");
        requirePositive(workers(), "-n/--workers");
    }

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + ".run(" + JavaCode.string(mode()) + ", " + orZero(workers()) + ", " + orZero(tasks)
                + ", " + gilInterval() + ", " + JavaCode.task(taskMethod) + ")";
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
