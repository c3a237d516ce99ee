package concurrencylab.magics;

import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code %time STMT} runs the statement once and prints wall and CPU time; its value is the cell's result.
 * {@code %%time} does the same for the cell body.
 */
@Command(name = "time", description = "Run STMT once; print wall time and CPU time over all threads and worker JVMs.",
        customSynopsis = "%%time [-o NAME] STMT")
public final class TimeMagic extends HarnessMagic {

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + (output == null ? ".time(() -> " : ".timeResult(() -> ") + taskMethod + "())";
    }

    @Override
    boolean showsValue() {
        return true;
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.LINE, Kind.CELL);
    }

    @Override
    public void describe(Kind kind, CommandSpec spec) {
        if (kind == Kind.CELL) {
            spec.usageMessage().customSynopsis("%%%%time [-o NAME]")
                    .description("Run the cell once; print wall time and CPU time over all threads and worker JVMs.");
        }
    }
}
