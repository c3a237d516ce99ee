package concurrencylab.magics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code %timeit [-n N] [-r R] STMT}: IPython's timeit for Java; the result value is a {@code TimeitResult}. */
@Command(name = "timeit", customSynopsis = "%%timeit [-n N] [-r R] [-o NAME] STMT",
        description = {"Time STMT: one warm-up call, then R runs of N calls each; print mean ± std. dev. and best.",
                "Without -n, N grows (1, 2, 5, 10, ...) until one run takes at least 0.2 s."})
public class TimeitMagic extends HarnessMagic {

    @Option(names = "-n", paramLabel = "N", description = "Calls per run (default: chosen automatically).")
    Integer loops;

    @Option(names = "-r", paramLabel = "R", description = "Runs (default: 7).")
    Integer repeat;

    @Override
    void validate() {
        requirePositive(loops, "-n");
        requirePositive(repeat, "-r");
    }

    @Override
    String harnessCall(String taskMethod) {
        return JavaCode.HARNESS + ".timeit(" + RunMagic.orZero(loops) + ", " + RunMagic.orZero(repeat) + ", () -> "
                + taskMethod + "())";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }
}
