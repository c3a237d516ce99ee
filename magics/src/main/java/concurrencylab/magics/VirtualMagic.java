package concurrencylab.magics;

import concurrencylab.harness.Mode;
import picocli.CommandLine.Command;

@Command(name = "virtual",
        description = "Run the cell as TASKS tasks, one virtual thread each; the JDK schedules them on its carrier threads.")
public final class VirtualMagic extends RunMagic {

    public VirtualMagic() {
        super(Mode.VIRTUAL);
    }
}
