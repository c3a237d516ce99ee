/**
 * The worker JVMs of {@code %%processes}: a warm pool behind one ZeroMQ ROUTER socket
 * ({@link concurrencylab.harness.process.WorkerPool}), each worker's main loop
 * ({@link concurrencylab.harness.process.WorkerMain}) and the messages between them, whose records carry only
 * plain values. Depends on {@code concurrencylab.harness.task} and {@code concurrencylab.results}, not on
 * {@code concurrencylab.harness}, whose process executor calls it.
 */
package concurrencylab.harness.process;
