package concurrencylab.harness.gil;

import concurrencylab.results.GilReport;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
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
    private final ReentrantLock lock;
    private final long intervalNanos;
    private final int checkTicks;
    private final GilLog log;
    private final ThreadLocal<Participant> participants = new ThreadLocal<>();
    private volatile boolean dropRequested;
    // counted while holding the lock
    private long dropRequests;
    private long forcedSwitches;
    private long checkReleases;
    private long blockingReleases;

    /** A thread of the run: its ticks (old policy) and whether a blocking call released the lock for it. */
    private static final class Participant {
        long ticks;
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
        this.lock = new ReentrantLock(policy == GilPolicy.NEW);
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
        if (lock.isHeldByCurrentThread()) {
            release();
        }
        participants.remove();
    }

    /** A switch check: where the holder lets another thread have the lock, by the policy. */
    void check() {
        Participant me = participants.get();
        if (me == null) {
            return;
        }
        if (!lock.isHeldByCurrentThread()) {
            // a blocking call ended by an exception, so its release was not undone: take the lock back first
            me.blockingDepth = 0;
            me.releasedForBlocking = false;
            acquire();
            return;
        }
        if (policy == GilPolicy.NEW) {
            if (dropRequested) {
                forcedSwitches++;
                release();
                acquire();
            }
        } else if (++me.ticks % checkTicks == 0) {
            checkReleases++;
            release();
            acquire();
        }
    }

    /** Before a blocking call of notebook code: the lock is free while the thread blocks. */
    void beforeBlocking() {
        Participant me = participants.get();
        if (me == null || me.blockingDepth++ > 0 || !lock.isHeldByCurrentThread()) {
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
     * Takes the lock. Under the new policy a thread that waits a whole interval asks the holder to drop it.
     * An interrupt while waiting means the run is being cancelled: the task must not go on, so this throws
     * {@link CancellationException} (with the interrupt flag kept) instead of taking the lock.
     */
    private void acquire() {
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        try {
            if (policy == GilPolicy.NEW) {
                while (!lock.tryLock(intervalNanos, TimeUnit.NANOSECONDS)) {
                    dropRequested = true;
                }
            } else {
                lock.lockInterruptibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the GIL");
        }
        if (dropRequested) {
            dropRequested = false;
            dropRequests++;
        }
        log.acquired(Thread.currentThread().getName());
    }

    private void release() {
        log.released();
        lock.unlock();
    }

    /** What the lock did in the run; call after every task ended. */
    public GilReport report() {
        lock.lock();
        try {
            return log.report(policy.label(), policy == GilPolicy.NEW ? intervalNanos : checkTicks, dropRequests,
                    forcedSwitches, checkReleases, blockingReleases);
        } finally {
            lock.unlock();
        }
    }
}
