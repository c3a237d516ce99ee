package concurrencylab.magics;

import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gil",
        description = {"Run the cell as TASKS tasks on WORKERS platform threads that share one lock, like CPython's GIL.",
                "A thread must hold the lock to run. The lock is dropped when another thread has waited MS",
                "milliseconds and the holder calls Task.checkpoint(), and around Task.sleep(...) and Task.blocking(...)."})
public final class GilMagic extends PoolMagic {

    @Option(names = "--interval", paramLabel = "MS",
            description = "Switch interval in milliseconds (default: " + RunOptions.DEFAULT_GIL_INTERVAL_MILLIS + ").")
    Integer interval;

    public GilMagic() {
        super(Mode.GIL);
    }

    @Override
    Integer gilInterval() {
        return interval;
    }

    @Override
    void validate() {
        super.validate();
        requirePositive(interval, "--interval");
    }
}
