package concurrencylab.harness;

import concurrencylab.agent.SnippetClassRegistry;
import concurrencylab.harness.process.TaskMethod;
import concurrencylab.harness.process.WorkerPool;
import concurrencylab.harness.process.WorkersStarted;
import concurrencylab.harness.state.NotebookState;
import concurrencylab.harness.state.UsedVariables;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.StateTransfer;
import concurrencylab.results.TaskRecord;
import java.util.List;

/**
 * Tasks on the shared pool of worker JVMs: each calls the task method by name, in the snippet classes the
 * runtime recorded, after its worker installed a copy of the notebook variables the method reads (taken when
 * the run starts, as a fork would), and sends its result back serialized.
 */
final class ProcessStrategy implements Strategy {

    /** Starting worker JVMs is never part of a run: it happens here, before the clock, and says so on its own line. */
    @Override
    public void prepare(RunSpec spec) throws InterruptedException {
        WorkersStarted started = WorkerPool.shared().awaitWorkers(spec.workers());
        if (started != null) {
            System.out.println(started);
        }
    }

    @Override
    public Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos) throws InterruptedException {
        if (taskName == null || taskName.isBlank()) {
            throw new IllegalArgumentException("processes mode needs the task method's name to call it in a worker JVM");
        }
        ClassLoader cellLoader = body.getClass().getClassLoader();
        TaskMethod method = TaskMethod.resolve(taskName, cellLoader);
        NotebookState state = NotebookState.capture(
                UsedVariables.readBy(method.className(), method.methodName(), SnippetClassRegistry.snapshot()), cellLoader);
        WorkerPool pool = WorkerPool.shared();
        synchronized (pool) {
            List<TaskRecord> records = pool.run(spec.workers(), spec.tasks(), method, cellLoader, runStartNanos, state);
            StateTransfer transfer = state.variables().isEmpty() ? StateTransfer.NONE : new StateTransfer(
                    state.variables().stream().map(NotebookState.Variable::name).toList(), pool.lastStateBytesSent(),
                    state.serializeNanos(), pool.lastStateDeliverNanos());
            return new Executed(records, pool.lastRemoteCpuNanos(), transfer);
        }
    }
}
