package concurrencylab.magics;

import concurrencylab.harness.Mode;
import picocli.CommandLine.Option;

/** An executor with a fixed number of workers. */
abstract class PoolMagic extends RunMagic {

    @Option(names = {"-n", "--workers"}, paramLabel = "WORKERS",
            description = "How many workers (default: one per available processor).")
    Integer workers;

    PoolMagic(Mode mode) {
        super(mode);
    }

    @Override
    Integer workers() {
        return workers;
    }
}
