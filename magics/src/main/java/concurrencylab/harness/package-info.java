/**
 * The concurrency harness: runs a cell body as tasks on one executor and measures it, inside the runtime JVM.
 *
 * <h2>How a magic reaches it</h2>
 * A cell magic has its body compiled as a static no-argument method in JShell (say {@code __task_3}) and then
 * runs one generated line, for example
 * <pre>{@code
 * concurrencylab.harness.Harness.run(concurrencylab.harness.RunOptions.fromJson("{\"mode\":\"threads\",\"workers\":2,\"tasks\":4}"),
 *         "__task_3", () -> __task_3())
 * }</pre>
 * The options are one record ({@link concurrencylab.harness.HarnessOptions}) holding what the user typed; the
 * record fills in the defaults, and {@link concurrencylab.harness.Mode} names the modes. The lambda runs the
 * body in this JVM; the name lets worker JVMs find the same method among the snippet classes the runtime
 * recorded ({@link concurrencylab.agent.SnippetClassRegistry}). Everything else — timing, the summary, showing
 * results and charts — happens here.
 *
 * <h2>Layers</h2>
 * {@code concurrencylab.harness} (entry points, options, one strategy per executor) uses
 * {@code harness.process} (worker JVMs), and both use {@code harness.task} (the task body, its context, CPU
 * clocks) and {@code concurrencylab.results}; charts and HTML come from {@code concurrencylab.results.format}.
 *
 * <h2>Executors</h2>
 * {@code serial} (one thread), {@code threads} (a fixed pool of platform threads), {@code virtual} or
 * {@code coroutines} (one virtual thread per task), {@code processes} (a warm pool of worker JVMs over
 * ZeroMQ; results cross by Java serialization), {@code gil} (platform threads that must hold one global
 * lock). Threads are named after the executor ({@code threads-1}, {@code gil-2}, {@code processes-1}).
 *
 * <h2>The simulated GIL</h2>
 * Java has no interpreter loop where a lock could be dropped between bytecodes, and threads cannot be
 * suspended from outside. So the lock is cooperative, built like CPython's since 3.2: a task takes it before
 * its body runs and gives it back at its end; a thread that has waited a whole switch interval asks the
 * holder to drop it, and the holder does at its next {@link concurrencylab.harness.Task#checkpoint()};
 * {@link concurrencylab.harness.Task#sleep} and {@link concurrencylab.harness.Task#blocking} release it while
 * they wait, as CPython's sleep and IO do. CPU-bound bodies therefore never run in parallel under
 * {@code %%gil} (with checkpoints they take turns every interval, without them one runs to its end first),
 * while sleeping or IO-bound bodies overlap. Plain {@code Thread.sleep} keeps the lock, like a C extension
 * that never releases the GIL — a point a lecture can make on purpose.
 *
 * <h2>Measuring</h2>
 * Wall time by {@link System#nanoTime()}; CPU time per task from the task's thread clock (none for virtual
 * threads, which have no CPU clock of their own), and per run the larger of the process clock (all threads,
 * coarse on Linux) and the sum of task clocks, plus what worker JVMs report.
 */
package concurrencylab.harness;
