package concurrencylab.magics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gil",
        description = {"Run the cell as TASKS tasks on WORKERS platform threads that must hold one global lock,",
                "like CPython's GIL. The lock is dropped when another thread has waited MS milliseconds and the",
                "holder calls Task.checkpoint(), and around Task.sleep(...) and Task.blocking(...)."})
public final class GilMagic extends PoolMagic {

    @Option(names = "--interval", paramLabel = "MS", description = "Switch interval in milliseconds (default: 5).")
    Integer interval;

    @Override
    int gilInterval() {
        return orZero(interval);
    }

    @Override
    void validate() {
        super.validate();
        requirePositive(interval, "--interval");
    }
}
