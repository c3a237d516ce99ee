package concurrencylab.magics;

import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.JavaSession;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The shape every measuring magic shares: compile the body as a task method, then run one generated call
 * into {@link concurrencylab.harness.Harness} in the runtime JVM, which measures and shows the outcome. The
 * call carries the options as one record ({@link concurrencylab.harness.HarnessOptions}, as JSON).
 * With {@code -o NAME} the result value is kept in the notebook variable NAME.
 */
abstract class HarnessMagic implements Magic {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "NAME",
            description = "Keep the result value in the notebook variable NAME.")
    String output;

    /** The harness call for the compiled task method, for example {@code Harness.run(...)}. */
    abstract String harnessCall(String taskMethod);

    /** Checks options picocli cannot (ranges, names); throws {@link ParameterException} with the fix. */
    void validate() {
    }

    /** Whether the harness's return value is the cell's result (as for {@code %time}) or only kept with -o. */
    boolean showsValue() {
        return false;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        if (output != null && !JavaCode.isVariableName(output)) {
            throw fail("-o needs a Java variable name, got '" + output + "'");
        }
        validate();
        if (invocation.body().isBlank()) {
            boolean cell = invocation.kind() == Kind.CELL;
            throw fail((cell ? "%%" : "%") + spec.name() + " needs code to run"
                    + (cell ? " in the cell below its first line" : " after its options"));
        }
        JavaSession session = invocation.session();
        JavaSession.TaskDefinition task = session.defineTask(invocation.body(), invocation.bodyLine(), invocation.cell());
        if (!task.ok()) {
            return MagicOutcome.of(task.compileError());
        }
        String call = harnessCall(task.methodName());
        String code = output == null ? call + ";" : "var " + output + " = " + call + ";";
        ExecuteOutcome outcome = session.executeInternal(code, invocation.cell());
        if (!outcome.succeeded() || (showsValue() && output == null)) {
            return MagicOutcome.of(outcome);
        }
        return MagicOutcome.ok(null);
    }

    ParameterException fail(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    void requirePositive(Integer value, String option) {
        if (value != null && value < 1) {
            throw fail(option + " must be at least 1, got " + value);
        }
    }
}
