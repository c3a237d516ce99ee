package concurrencylab.magics;

import picocli.CommandLine.Command;

/** {@code %%timeit}: the cell body, timed like {@code %timeit}. */
@Command(name = "timeit", customSynopsis = "%%%%timeit [-n N] [-r R] [-o NAME]",
        description = {"Time the cell: one warm-up call, then R runs of N calls each; print mean ± std. dev. and best.",
                "Without -n, N grows (1, 2, 5, 10, ...) until one run takes at least 0.2 s."})
public final class TimeitCellMagic extends TimeitMagic {

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
