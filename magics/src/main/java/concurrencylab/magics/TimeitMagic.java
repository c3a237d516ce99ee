package concurrencylab.magics;

import concurrencylab.harness.TimeitOptions;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code %timeit [-n N] [-r R] STMT} and {@code %%timeit}: IPython's timeit for Java, of a statement or of the
 * cell body; the result value is a {@code TimeitResult}.
 */
@Command(name = "timeit", customSynopsis = "%%timeit [-n N] [-r R] [-o NAME] STMT",
        description = {"Time STMT: one warm-up call, then R runs of N calls each; print mean ± std. dev. and best.",
                "Without -n, N grows (1, 2, 5, 10, ...) until one run takes at least 0.2 s."})
public final class TimeitMagic extends HarnessMagic {

    @Option(names = "-n", paramLabel = "N", description = "Calls per run (default: chosen automatically).")
    Integer loops;

    @Option(names = "-r", paramLabel = "R", description = "Runs (default: " + TimeitOptions.DEFAULT_REPEAT + ").")
    Integer repeat;

    @Override
    void validate() {
        requirePositive(loops, "-n");
        requirePositive(repeat, "-r");
    }

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + ".timeit(" + JavaCode.options(new TimeitOptions(loops, repeat)) + ", () -> "
                + taskMethod + "())";
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.LINE, Kind.CELL);
    }

    @Override
    public void describe(Kind kind, CommandSpec spec) {
        if (kind == Kind.CELL) {
            spec.usageMessage().customSynopsis("%%%%timeit [-n N] [-r R] [-o NAME]")
                    .description("Time the cell: one warm-up call, then R runs of N calls each; print mean ± std. dev."
                            + " and best.", spec.usageMessage().description()[1]);
        }
    }
}
