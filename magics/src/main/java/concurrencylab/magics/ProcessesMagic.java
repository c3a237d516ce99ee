package concurrencylab.magics;

import concurrencylab.harness.Mode;
import picocli.CommandLine.Command;

@Command(name = "processes",
        description = {"Run the cell as TASKS tasks on a warm pool of WORKERS worker JVMs.",
                "Methods and classes from earlier cells run there too; results come back serialized."})
public final class ProcessesMagic extends PoolMagic {

    public ProcessesMagic() {
        super(Mode.PROCESSES);
    }
}
