package concurrencylab.magics;

import picocli.CommandLine.Command;

@Command(name = "virtual",
        description = "Run the cell as TASKS tasks, one virtual thread each; the JDK schedules them on its carrier threads.")
public class VirtualMagic extends RunMagic {
}
