package concurrencylab.magics;

import concurrencylab.harness.Mode;
import picocli.CommandLine.Command;

/** {@code %%threads}: a fixed pool of platform threads (the kernel's {@code %threads} lists live threads). */
@Command(name = "threads",
        description = "Run the cell as TASKS tasks on a fixed pool of WORKERS platform threads (threads-1, ...).")
public final class ThreadPoolMagic extends PoolMagic {

    public ThreadPoolMagic() {
        super(Mode.THREADS);
    }
}
