package concurrencylab.magics;

import concurrencylab.harness.Mode;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code %%processes} runs the cell body as tasks on the warm pool of worker JVMs, each with a copy of the
 * notebook variables the body reads; {@code %processes start [-n N]} starts that pool ahead of any run. A cell
 * also starts the workers it lacks in the background before its body compiles; either way the start is reported
 * on its own line and never counted in a run.
 */
@Command(name = "processes",
        description = {"Run the cell as TASKS tasks on a warm pool of WORKERS worker JVMs.",
                "Methods and classes from earlier cells run there too, and each worker gets a copy of the notebook",
                "variables the body reads (as after a fork: what a task changes stays in its worker);",
                "results come back serialized. %%processes start [-n WORKERS] starts the workers ahead of a run."})
public final class ProcessesMagic extends PoolMagic {

    @Parameters(index = "0", arity = "0..1", paramLabel = "start",
            description = "(line form) the word start: start the worker JVMs now and say how long it took")
    String action;

    public ProcessesMagic() {
        super(Mode.PROCESSES);
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.LINE, Kind.CELL);
    }

    @Override
    public void describe(Kind kind, CommandSpec spec) {
        if (kind == Kind.LINE) {
            spec.usageMessage().customSynopsis("%%processes start [-n WORKERS]")
                    .description("Start the worker JVMs of %%%%processes now, and say how long that took.",
                            "WORKERS defaults to one per available processor; a warm pool only grows.");
        }
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        validate();
        String workerCount = workers == null ? "null" : String.valueOf(workers);
        if (invocation.kind() == Kind.LINE) {
            if (!"start".equals(action)) {
                throw fail("write %processes start [-n WORKERS] to start the worker JVMs, or %%processes above a cell body");
            }
            return internal(invocation, JavaCode.HARNESS + ".startWorkers(" + workerCount + ");");
        }
        if (action != null) {
            throw fail("%%processes takes only options on its line, not '" + action + "'; the body goes below it");
        }
        MagicOutcome warming = internal(invocation, JavaCode.HARNESS + ".warmWorkers(" + workerCount + ");");
        return warming.outcome().succeeded() ? super.run(invocation) : warming;
    }

    private static MagicOutcome internal(MagicInvocation invocation, String code) {
        ExecuteOutcome outcome = invocation.session().executeInternal(code, invocation.cell());
        return outcome.succeeded() ? MagicOutcome.ok(null) : MagicOutcome.of(outcome);
    }
}
