package concurrencylab.engine.supervision;

import com.google.gson.JsonObject;
import concurrencylab.engine.Engine;
import concurrencylab.engine.ThreadReport;
import concurrencylab.spi.CellContext;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one interrupt policy: every case of an interrupt is decided here.
 *
 * <ul>
 *   <li>Before a cell begins: the kernel marks the cell interrupted; {@link #begin} sees it, and the cell
 *       ends without running.</li>
 *   <li>While a cell waits for its engine to start: the cell stops waiting and ends without running.</li>
 *   <li>While a cell runs, tier 1: the runtime stops snippet code and interrupts the threads the cell
 *       started. If the cell ends, the runtime is watched for a second: threads still busy inside code no
 *       stop check reaches (a loop inside JDK code) get it restarted.</li>
 *   <li>Tier 2: a cell still running {@value #KILL_AFTER_MILLIS} ms after the interrupt has its runtime
 *       killed; the cell restarts it and replays the declarations.</li>
 *   <li>While no cell runs: the threads earlier cells left running are stopped, the next cell says which,
 *       and a runtime that stays busy is restarted as above.</li>
 * </ul>
 */
public final class InterruptPolicy {

    private static final System.Logger LOG = System.getLogger(InterruptPolicy.class.getName());

    /** How long a stopped cell may take to end before its runtime is killed. */
    public static final long KILL_AFTER_MILLIS = 1_500;
    /**
     * A cell still running this long after the interrupt will probably be killed: its replacement runtime
     * starts booting now, so the restart after the kill takes less time. Late enough that a slow tier 1
     * (thousands of threads to stop) rarely boots a runtime for nothing.
     */
    static final long PREPARE_REPLACEMENT_AFTER_MILLIS = 1_000;
    /** How long the runtime is watched after an interrupt, for threads no stop check reaches. */
    static final long WATCH_AFTER_INTERRUPT_MILLIS = 1_000;
    /**
     * Threads of the notebook that keep this much CPU busy with no cell running after an interrupt get the
     * runtime restarted. Counted per thread inside the runtime, so neither the JIT nor the collector counts,
     * and low enough that a thread looping flat out on a loaded machine (far less than a core) is caught.
     */
    static final double BUSY_THREAD_CORES_AFTER_INTERRUPT = 0.05;
    /**
     * The same for the whole runtime process, for loops the threads' own count misses (virtual threads
     * looping inside JDK code run on carrier threads). An idle runtime uses about 0.01 core.
     */
    static final double BUSY_PROCESS_CORES_AFTER_INTERRUPT = 0.3;
    /** How long a survey of the runtime's threads may take. */
    private static final long SURVEY_TIMEOUT_MILLIS = 5_000;
    /** How long the next cell waits for an interrupt while no cell ran to finish stopping threads. */
    private static final long IDLE_STOP_WAIT_MILLIS = 10_000;
    /** How long the runtime may take to stop and list the threads earlier cells left running. */
    private static final long LEFTOVERS_TIMEOUT_MILLIS = 5_000;

    private final EngineSupervisor supervisor;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "concurrency-lab-interrupt-policy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CellRun running;
    /** Counts cells begun, so a watch knows whether a cell started (and maybe ended) meanwhile. */
    private long cellsBegun;
    /** What an interrupt while no cell ran did, told by the next cell. */
    private String notice;
    /** The stop of leftover threads an interrupt while no cell ran started; the next cell waits for it. */
    private volatile java.util.concurrent.Future<?> idleStop = java.util.concurrent.CompletableFuture.completedFuture(null);

    public InterruptPolicy(EngineSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    /**
     * A cell begins: its one run. Synchronized with the watch after an interrupt, so a cell that has begun
     * is never killed by it. A cell interrupted before it began ends without running.
     */
    public CellRun begin(CellContext context) {
        awaitIdleStop();
        String told;
        CellRun run;
        synchronized (this) {
            if (running != null) {
                throw new IllegalStateException("a cell is already running");
            }
            cellsBegun++;
            run = new CellRun(context);
            running = run;
            told = notice;
            notice = null;
        }
        if (told != null) {
            context.stream("stderr", told);
        }
        if (context.interruptRequested()) { // checked after running is set, so no interrupt falls between
            run.requestStop();
        }
        return run;
    }

    /** A cell begins once leftovers are stopped: a stop still on its way must not reach the new cell. */
    private void awaitIdleStop() {
        try {
            idleStop.get(IDLE_STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the threads left running took too long; the cell runs anyway", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run of this cell, for the Java its magics evaluate inside it. */
    public CellRun current(CellContext context) {
        CellRun run = running;
        if (run == null || run.context() != context) {
            throw new IllegalStateException("the cell " + context.cellId() + " is not running");
        }
        return run;
    }

    public void end(CellRun run) {
        run.cancelTimers();
        synchronized (this) {
            running = null;
        }
        if (run.stopRequested() && !run.killed() && !run.replaced()) {
            watch(run.context());
        } else if (!run.killed()) {
            supervisor.discardReplacement();
        }
    }

    /** Tier 1 now, tier 2 later, for the running cell; else stops what earlier cells left running. */
    public void interrupt() {
        CellRun run = running;
        if (run == null) {
            stopLeftoversWhileIdle();
            return;
        }
        run.requestStop();
        Engine live = supervisor.liveEngine();
        if (live == null) {
            return; // the cell is still waiting for its engine and ends without running
        }
        live.stopRunningCell();
        if (run.escalation == null) {
            run.preparation = timer.schedule(() -> {
                if (running == run) {
                    supervisor.startReplacement();
                }
            }, PREPARE_REPLACEMENT_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            run.escalation = timer.schedule(() -> {
                // Only while the cell's Java still runs: a cell tier 1 stopped at the last moment keeps its runtime.
                if (running == run && run.killIfInJava()) {
                    live.runtime().terminate();
                    supervisor.startReplacement();
                }
            }, KILL_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops the threads earlier cells left running (snippet code stops at its next stop check, sleeping and
     * waiting threads are interrupted); returns the runtime's list of them as they were, or null when no
     * runtime answered. Also what {@code %threads --stop} does.
     */
    public JsonObject stopLeftovers() {
        Engine live = supervisor.liveEngine();
        return live == null ? null : live.sideChannel().stopLeftovers(LEFTOVERS_TIMEOUT_MILLIS);
    }

    private synchronized void stopLeftoversWhileIdle() {
        idleStop = timer.submit(() -> {
            JsonObject stopped = stopLeftovers();
            int count = stopped == null ? 0 : ThreadReport.count(stopped);
            if (count > 0) {
                String told = "The interrupt (while no cell ran) stopped " + ThreadReport.names(stopped)
                        + ", left running by earlier cells.\n";
                LOG.log(System.Logger.Level.INFO, told.strip());
                synchronized (this) {
                    notice = told;
                }
            }
            watch(null);
        });
    }

    /**
     * Tier 1 stops only code with stop checks: a thread may still loop inside JDK code. If the runtime
     * stays busy for a second with no cell running, it is restarted like tier 2. The cell that was
     * interrupted is told; after an interrupt while no cell ran, the next cell is.
     */
    private void watch(CellContext interrupted) {
        Engine live = supervisor.liveEngine();
        if (live == null) {
            supervisor.discardReplacement();
            return;
        }
        long begun;
        synchronized (this) {
            begun = cellsBegun;
        }
        ProcessHandle runtime = live.runtime().process().toHandle();
        try {
            timer.execute(() -> { // off the cell's thread: its reply does not wait for the survey
                Sample start = Sample.of(live, runtime);
                timer.schedule(() -> restartIfStillBusy(interrupted, live, begun, runtime, start),
                        WATCH_AFTER_INTERRUPT_MILLIS, TimeUnit.MILLISECONDS);
            });
        } catch (RejectedExecutionException e) {
            // The kernel is shutting down (a shutdown request ended the cell): its runtime ends with it, so
            // there is nothing to watch, and the cell's reply must still go out.
        }
    }

    /** What the runtime had used by a moment: in the notebook's threads (when it answered), and in all. */
    private record Sample(JsonObject threads, CpuSample process) {
        static Sample of(Engine live, ProcessHandle runtime) {
            return new Sample(live.sideChannel().threadCpu(SURVEY_TIMEOUT_MILLIS), CpuSample.of(runtime));
        }

        /** Cores busy since the earlier sample: the threads' own count, else the process's. */
        String busySince(Sample earlier) {
            double process = process().coresSince(earlier.process());
            if (threads != null && earlier.threads() != null) {
                double threadCores = ThreadReport.busyCores(earlier.threads(), threads, process().wallNanos() - earlier.process().wallNanos());
                if (threadCores >= BUSY_THREAD_CORES_AFTER_INTERRUPT) {
                    return String.format(Locale.ROOT, "%.2f", threadCores);
                }
            }
            return process >= BUSY_PROCESS_CORES_AFTER_INTERRUPT ? String.format(Locale.ROOT, "%.1f", process) : null;
        }
    }

    private synchronized void restartIfStillBusy(CellContext interrupted, Engine live, long begun, ProcessHandle runtime, Sample start) {
        if (running != null || cellsBegun != begun || supervisor.liveEngine() != live) {
            supervisor.discardReplacement();
            return; // a cell started meanwhile: what the runtime does now may be that cell's work
        }
        String busy = Sample.of(live, runtime).busySince(start);
        if (busy == null) {
            supervisor.discardReplacement();
            return;
        }
        live.runtime().terminate();
        supervisor.startReplacement();
        String cause = "after the interrupt, threads " + (interrupted != null ? "of this cell" : "left running by earlier cells")
                + " kept " + busy + " cores busy inside code that cannot be stopped (a loop inside JDK code, say),"
                + " so its runtime JVM was killed";
        try {
            String message = RestartReport.message(cause, supervisor.restart());
            if (interrupted != null) {
                interrupted.stream("stderr", message);
            } else {
                notice = (notice == null ? "" : notice) + message;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not restart the runtime after an interrupt", e);
        }
    }

    public void shutdown() {
        timer.shutdownNow();
    }
}
