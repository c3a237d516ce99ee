package concurrencylab.magics;

import concurrencylab.harness.Mode;
import picocli.CommandLine.Command;

/** Another name for {@code %%virtual}: virtual threads are the JDK's coroutines. */
@Command(name = "coroutines",
        description = "Another name for %%%%virtual: TASKS tasks, one virtual thread (coroutine) each.")
public final class CoroutinesMagic extends RunMagic {

    public CoroutinesMagic() {
        super(Mode.COROUTINES);
    }
}
