package concurrencylab.magics;

import picocli.CommandLine.Command;

/** {@code %time STMT}: runs the statement once and prints wall and CPU time; its value is the cell's result. */
@Command(name = "time", description = "Run STMT once; print wall time and CPU time over all threads and worker JVMs.",
        customSynopsis = "%%time [-o NAME] STMT")
public class TimeMagic extends HarnessMagic {

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + (output == null ? ".time(() -> " : ".timeResult(() -> ") + taskMethod + "())";
    }

    @Override
    boolean showsValue() {
        return true;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }
}
