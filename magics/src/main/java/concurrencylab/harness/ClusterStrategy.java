package concurrencylab.harness;

import concurrencylab.agent.SnippetClassRegistry;
import concurrencylab.harness.cluster.ClusterRun;
import concurrencylab.harness.process.TaskMethod;
import concurrencylab.harness.state.NotebookState;
import concurrencylab.harness.state.UsedVariables;
import concurrencylab.harness.task.TaskCallable;
import concurrencylab.results.StateTransfer;

/**
 * Tasks on the members of the notebook's cluster ({@code %cluster start} or {@code join}): as in worker JVMs,
 * each calls the task method by name in the snippet classes, with a copy of the notebook variables the method
 * reads taken when the run starts; classes and values cross through the cluster itself.
 */
final class ClusterStrategy implements Strategy {

    @Override
    public Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos) throws InterruptedException {
        if (taskName == null || taskName.isBlank()) {
            throw new IllegalArgumentException("cluster mode needs the task method's name to call it on a member");
        }
        ClassLoader cellLoader = body.getClass().getClassLoader();
        TaskMethod method = TaskMethod.resolve(taskName, cellLoader);
        NotebookState state = NotebookState.capture(
                UsedVariables.readBy(method.className(), method.methodName(), SnippetClassRegistry.snapshot()), cellLoader);
        ClusterRun.Outcome outcome = ClusterRun.run(spec.workers(), spec.tasks(), method, cellLoader, state, runStartNanos);
        StateTransfer transfer = state.variables().isEmpty() ? StateTransfer.NONE : new StateTransfer(
                state.variables().stream().map(NotebookState.Variable::name).toList(), outcome.stateBytesSent(),
                state.serializeNanos(), outcome.statePutNanos());
        return new Executed(outcome.records(), outcome.remoteCpuNanos(), transfer);
    }
}
