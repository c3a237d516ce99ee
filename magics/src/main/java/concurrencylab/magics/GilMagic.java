package concurrencylab.magics;

import concurrencylab.harness.Mode;
import concurrencylab.harness.RunOptions;
import concurrencylab.harness.gil.GilPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gil",
        description = {"Run the cell as TASKS tasks on WORKERS platform threads that share one lock, like CPython's GIL.",
                "A thread must hold the lock to run notebook code. Switch checks woven into notebook code (loop "
                        + "back-edges, method entries) hand it over by the policy; sleeps, waits and blocking IO "
                        + "release it."})
public final class GilMagic extends PoolMagic {

    @Option(names = "--policy", paramLabel = "POLICY", converter = GilPolicyOption.class,
            completionCandidates = GilPolicyOption.Names.class,
            description = {"new (default, CPython 3.2+): a thread that waited MS asks for the lock and gets it;",
                    "old (before 3.2): the holder releases and re-acquires every TICKS checks, no hand-over."})
    GilPolicy policy;

    @Option(names = "--interval", paramLabel = "MS",
            description = "Switch interval of the new policy in milliseconds (default: "
                    + RunOptions.DEFAULT_GIL_INTERVAL_MILLIS + ").")
    Integer interval;

    @Option(names = "--ticks", paramLabel = "TICKS",
            description = "Check interval of the old policy in switch checks (default: "
                    + RunOptions.DEFAULT_GIL_CHECK_TICKS + ").")
    Integer ticks;

    public GilMagic() {
        super(Mode.GIL);
    }

    @Override
    Integer gilInterval() {
        return interval;
    }

    @Override
    GilPolicy gilPolicy() {
        return policy;
    }

    @Override
    Integer gilCheckTicks() {
        return ticks;
    }

    @Override
    void validate() {
        super.validate();
        requirePositive(interval, "--interval");
        requirePositive(ticks, "--ticks");
    }
}
