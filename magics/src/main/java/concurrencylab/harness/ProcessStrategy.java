package concurrencylab.harness;

import concurrencylab.harness.process.TaskMethod;
import concurrencylab.harness.process.WorkerPool;
import concurrencylab.harness.task.TaskCallable;

/**
 * Tasks on the shared pool of worker JVMs: each calls the task method by name, in the snippet classes the
 * runtime recorded, and sends its result back serialized.
 */
final class ProcessStrategy implements Strategy {

    @Override
    public Executed run(RunSpec spec, TaskCallable body, String taskName, long runStartNanos) throws InterruptedException {
        if (taskName == null || taskName.isBlank()) {
            throw new IllegalArgumentException("processes mode needs the task method's name to call it in a worker JVM");
        }
        ClassLoader cellLoader = body.getClass().getClassLoader();
        TaskMethod method = TaskMethod.resolve(taskName, cellLoader);
        WorkerPool pool = WorkerPool.shared();
        synchronized (pool) {
            return new Executed(pool.run(spec.workers(), spec.tasks(), method, cellLoader, runStartNanos),
                    pool.lastRemoteCpuNanos());
        }
    }
}
