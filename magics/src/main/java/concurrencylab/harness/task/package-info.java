/**
 * What one task is, wherever it runs: the compiled cell body ({@link concurrencylab.harness.task.TaskCallable}),
 * who the running thread works for ({@link concurrencylab.harness.task.TaskContext}) and the CPU clocks
 * ({@link concurrencylab.harness.task.CpuClock}). Used by the in-process executors of
 * {@code concurrencylab.harness} and by the worker JVMs of {@code concurrencylab.harness.process}; depends on
 * neither.
 */
package concurrencylab.harness.task;
