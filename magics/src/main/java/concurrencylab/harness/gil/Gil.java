package concurrencylab.harness.gil;

import concurrencylab.results.GilReport;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated global interpreter lock for the threads of one {@code %%gil} run. A thread {@link #enter}s the run
 * and holds the lock whenever it runs notebook code. Switch checks woven into the notebook's classes
 * ({@link GilWeaver}: at loop back-edges and method entries) call {@link #check()}, where the holder gives the
 * lock up by its {@link GilPolicy}; blocking calls of notebook code release it while they block. Threads that
 * never entered (other cells' threads, the JDK's) are not held back.
 */
public final class Gil {

    private static volatile Gil active;

    private final GilPolicy policy;
    /** The new policy's lock: fair, so a holder that drops it queues behind the thread that asked. */
    private final ReentrantLock fair;
    /** The old policy's lock, as CPython's was. */
    private final CondvarLock old;
    private final long intervalNanos;
    private final int checkTicks;
    private final GilLog log;
    private final ThreadLocal<Participant> participants = new ThreadLocal<>();
    /**
     * The thread that holds the lock, written only by that thread (when it gets the lock, and null before it lets
     * go), so the holder reads its own writes: {@code holder == currentThread} tells a thread whether it holds the
     * lock without a thread-local lookup. Switch checks run at every loop back-edge of notebook code, so their
     * cost is what one thread under {@code %%gil} pays over the same code without it.
     */
    private Thread holder;
    /** The old policy's tick count: one counter for the run, as CPython's {@code _Py_Ticker}; only the holder counts. */
    private long ticks;
    /**
     * The thread that asked the holder to drop the lock, until it got it. Only the asker clears it: a thread that
     * got the lock late (descheduled for an interval) must not clear a newer request of another thread.
     */
    private final AtomicReference<Thread> dropRequester = new AtomicReference<>();
    // counted while holding the lock
    private long dropRequests;
    private long forcedSwitches;
    private long checkReleases;
    private long blockingReleases;

    /** A thread of the run: whether a blocking call released the lock for it. */
    private static final class Participant {
        int blockingDepth;
        boolean releasedForBlocking;
    }

    /**
     * @param intervalMillis the switch interval of the new policy: how long a thread waits before asking for the lock
     * @param checkTicks the old policy's check interval: switch checks between a release and re-acquire
     */
    public Gil(GilPolicy policy, long intervalMillis, int checkTicks, long runStartNanos) {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("GIL switch interval must be at least 1 ms, got " + intervalMillis);
        }
        if (checkTicks < 1) {
            throw new IllegalArgumentException("GIL check interval must be at least 1 tick, got " + checkTicks);
        }
        this.policy = policy;
        this.fair = policy == GilPolicy.NEW ? new ReentrantLock(true) : null;
        this.old = policy == GilPolicy.OLD ? new CondvarLock() : null;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.checkTicks = checkTicks;
        this.log = new GilLog(runStartNanos);
    }

    static Gil active() {
        return active;
    }

    /** Makes this the lock that woven switch checks and blocking calls talk to while the run lasts. */
    public void activate() {
        active = this;
    }

    public void deactivate() {
        if (active == this) {
            active = null;
        }
    }

    /** The calling thread joins the run and takes the lock, to run a task. */
    public void enter() {
        participants.set(new Participant());
        acquire();
    }

    /** The calling thread's task ended: it gives the lock back and leaves the run. */
    public void exit() {
        if (held()) {
            release();
        }
        participants.remove();
    }

    /** A switch check: where the holder lets another thread have the lock, by the policy. */
    void check() {
        if (holder != Thread.currentThread()) {
            checkWithoutTheLock();
            return;
        }
        if (policy == GilPolicy.NEW) {
            if (dropRequester.get() != null) {
                forcedSwitches++;
                release();
                // as CPython's forced switching: wait until the asking thread is queued (or has the lock), so the
                // fair lock serves it first
                while (dropRequester.get() != null && !fair.hasQueuedThreads()) {
                    Thread.yield();
                }
                acquire();
            }
        } else if (++ticks % checkTicks == 0) {
            checkReleases++;
            holder = null;
            log.released();
            try {
                old.releaseAndRetake();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the GIL");
            }
            holder = Thread.currentThread();
            log.acquired(holder.getName());
        }
    }

    /** A check by a thread that does not hold the lock: one that never entered the run, or one that must take it back. */
    private void checkWithoutTheLock() {
        Participant me = participants.get();
        if (me == null) {
            return;
        }
        // a blocking call ended by an exception, so its release was not undone: take the lock back first
        me.blockingDepth = 0;
        me.releasedForBlocking = false;
        acquire();
    }

    /** Before a blocking call of notebook code: the lock is free while the thread blocks. */
    void beforeBlocking() {
        Participant me = participants.get();
        if (me == null || me.blockingDepth++ > 0 || !held()) {
            return;
        }
        blockingReleases++;
        me.releasedForBlocking = true;
        release();
    }

    /** After the blocking call returned: the thread needs the lock again to go on. */
    void afterBlocking() {
        Participant me = participants.get();
        if (me == null) {
            return;
        }
        me.blockingDepth = Math.max(0, me.blockingDepth - 1);
        if (me.blockingDepth == 0 && me.releasedForBlocking) {
            me.releasedForBlocking = false;
            acquire();
        }
    }

    /**
     * Takes the lock. Under the new policy a thread that waits a whole interval asks the holder to drop it and
     * gets it when the holder does (the request stays up until then, so a holder that took the lock back before
     * the asking thread was queued drops it again at its next check).
     * An interrupt while waiting means the run is being cancelled: the task must not go on, so this throws
     * {@link CancellationException} (with the interrupt flag kept) instead of taking the lock.
     */
    private void acquire() {
        if (held()) {
            return;
        }
        try {
            if (fair != null) {
                if (!fair.tryLock(intervalNanos, TimeUnit.NANOSECONDS)) {
                    // a whole interval without the lock: ask the holder to drop it, and wait in the queue, which
                    // the fair lock serves in order (the holder that drops it queues behind)
                    Thread me = Thread.currentThread();
                    dropRequester.set(me);
                    try {
                        fair.lockInterruptibly();
                    } finally {
                        dropRequester.compareAndSet(me, null);
                    }
                    dropRequests++;
                }
            } else {
                old.acquire();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the GIL");
        }
        holder = Thread.currentThread();
        log.acquired(holder.getName());
    }

    private void release() {
        holder = null;
        log.released();
        if (fair != null) {
            fair.unlock();
        } else {
            old.release();
        }
    }

    private boolean held() {
        return holder == Thread.currentThread();
    }

    /** What the lock did in the run; call after every task ended (their ends happen before this call). */
    public GilReport report() {
        return log.report(policy.label(), policy == GilPolicy.NEW ? intervalNanos : checkTicks, dropRequests,
                forcedSwitches, checkReleases, blockingReleases);
    }
}
