package concurrencylab.magics;

import concurrencylab.harness.Mode;
import picocli.CommandLine.Command;

@Command(name = "serial",
        description = "Run the cell as TASKS tasks one after another on one thread: the baseline for speedups.")
public final class SerialMagic extends RunMagic {

    public SerialMagic() {
        super(Mode.SERIAL);
    }
}
