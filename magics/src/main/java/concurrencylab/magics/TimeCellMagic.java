package concurrencylab.magics;

import picocli.CommandLine.Command;

/** {@code %%time}: the cell body, timed once. */
@Command(name = "time", description = "Run the cell once; print wall time and CPU time over all threads and worker JVMs.",
        customSynopsis = "%%%%time [-o NAME]")
public final class TimeCellMagic extends TimeMagic {

    @Override
    public Kind kind() {
        return Kind.CELL;
    }
}
