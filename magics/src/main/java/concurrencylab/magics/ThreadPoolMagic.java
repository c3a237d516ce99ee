package concurrencylab.magics;

import picocli.CommandLine.Command;

@Command(name = "threads",
        description = "Run the cell as TASKS tasks on a fixed pool of WORKERS platform threads (threads-1, ...).")
public final class ThreadPoolMagic extends PoolMagic {
}
