package concurrencylab.interpreter;

import concurrencylab.cells.CellExecution;
import concurrencylab.cells.TaskBody;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.engine.supervision.InterruptPolicy;
import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome.ErrorInfo;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.JavaSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What magics may do with the notebook's Java: run cells, define task methods, run generated code. */
final class NotebookSession implements JavaSession {

    private final CellExecution execution;
    private final EngineSupervisor supervisor;
    private final InterruptPolicy interrupts;
    private final AtomicInteger tasks = new AtomicInteger();

    NotebookSession(CellExecution execution, EngineSupervisor supervisor, InterruptPolicy interrupts) {
        this.execution = execution;
        this.supervisor = supervisor;
        this.interrupts = interrupts;
    }

    @Override
    public ExecuteOutcome execute(String code, int firstLine, CellContext cell) {
        return execution.run(code, firstLine, interrupts.current(cell), CellExecution.Kind.USER);
    }

    @Override
    public TaskDefinition defineTask(String body, int firstLine, CellContext cell) {
        String name = "__task_" + tasks.incrementAndGet();
        // Body line L is line L + 1 of the method source; firstLine (0-based) puts it into the cell.
        int lineShift = firstLine - 1;
        TaskBody task = TaskBody.of(supervisor.engine().analysis(), body);
        ExecuteOutcome outcome = null;
        if (task.returningLast() != null) {
            outcome = execution.run(task.returningLastMethod(name), lineShift, interrupts.current(cell), CellExecution.Kind.USER);
            if (outcome.succeeded()) {
                return new TaskDefinition(name, null);
            }
            if (!task.onlyLastLineFailed(outcome, lineShift)) {
                return new TaskDefinition(null, outcome);
            }
        }
        // The last line is a statement (a void call, a loop, a throw): the body runs as written and returns null.
        outcome = execution.run(task.asWrittenMethod(name), lineShift, interrupts.current(cell), CellExecution.Kind.USER);
        return outcome.succeeded() ? new TaskDefinition(name, null) : new TaskDefinition(null, outcome);
    }

    @Override
    public ExecuteOutcome executeInternal(String code, CellContext cell) {
        ExecuteOutcome outcome = execution.run(code, 0, interrupts.current(cell), CellExecution.Kind.INTERNAL);
        if (!outcome.succeeded() && "CompilationError".equals(outcome.error().ename())) {
            List<String> traceback = new ArrayList<>();
            traceback.add("Internal error: the kernel generated Java that does not compile; please report it.");
            traceback.addAll(outcome.error().traceback());
            return ExecuteOutcome.failed(new ErrorInfo("InternalError", outcome.error().evalue(), traceback));
        }
        return outcome;
    }
}
