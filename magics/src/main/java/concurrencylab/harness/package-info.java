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
 * {@code harness.process} (worker JVMs) and {@code harness.gil} (the simulated GIL), and all use
 * {@code harness.task} (the task body, its context, CPU clocks) and {@code concurrencylab.results}; charts and HTML come from {@code concurrencylab.results.format}.
 *
 * <h2>Executors</h2>
 * {@code serial} (one thread), {@code threads} (a fixed pool of platform threads), {@code virtual} or
 * {@code coroutines} (one virtual thread per task), {@code processes} (a warm pool of worker JVMs over
 * ZeroMQ; results cross by Java serialization), {@code gil} (platform threads that must hold one global
 * lock). Threads are named after the executor ({@code threads-1}, {@code gil-2}, {@code processes-1}).
 *
 * <h2>The simulated GIL</h2>
 * {@code concurrencylab.harness.gil}: a task holds one global lock while it runs notebook code. The runtime
 * weaves a switch check into every snippet class as it defines it (loop back-edges and method entries, as
 * CPython's eval loop checks between bytecodes), and releases around the JDK's blocking calls, so any body is
 * pre-empted and sleeping or I/O-bound bodies overlap. The {@code new} policy (CPython 3.2+) hands the lock to
 * a thread that asked for it after a switch interval; the {@code old} one releases and re-acquires every N
 * checks with no hand-over. Classes not compiled by the notebook (the JDK's, jars added with
 * {@code %classpath}) have no checks: {@link concurrencylab.harness.Task#checkpoint()} is one they can call.
 *
 * <h2>Measuring</h2>
 * Wall time by {@link System#nanoTime()}; CPU time per task from the task's thread clock (none for virtual
 * threads, which have no CPU clock of their own), and per run the larger of the process clock (all threads,
 * coarse on Linux) and the sum of task clocks, plus what worker JVMs report.
 */
package concurrencylab.harness;
