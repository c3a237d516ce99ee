package concurrencylab.harness;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated global interpreter lock, built like CPython's since 3.2: one fair lock; a thread that has
 * waited a whole switch interval sets a drop request, and the holder gives the lock up at its next
 * checkpoint, then queues for it again. Java has no interpreter loop to hook, so checkpoints are explicit
 * ({@link Task#checkpoint()}) and blocking helpers ({@link Task#sleep}, {@link Task#blocking}) release the
 * lock, as CPython's IO and sleep do. Code with no checkpoint keeps the lock for its whole task, like a
 * C extension that never releases it: either way CPU-bound threads do not run in parallel.
 */
public final class Gil {

    private static volatile Gil active;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final long intervalNanos;
    private volatile boolean dropRequested;

    public Gil(long intervalMillis) {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("GIL switch interval must be at least 1 ms, got " + intervalMillis);
        }
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    static Gil active() {
        return active;
    }

    /** Makes this the lock {@link Task} helpers talk to while a {@code %%gil} run lasts. */
    void activate() {
        active = this;
    }

    void deactivate() {
        if (active == this) {
            active = null;
        }
    }

    /**
     * Takes the lock, asking the holder to drop it whenever a whole interval passes without getting it.
     * An interrupt while waiting means the run is being cancelled: the task must not go on, so this throws
     * {@link CancellationException} (with the interrupt flag kept) instead of taking the lock.
     */
    public void acquire() {
        try {
            while (!lock.tryLock(intervalNanos, TimeUnit.NANOSECONDS)) {
                dropRequested = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the GIL");
        }
        dropRequested = false;
    }

    public void release() {
        lock.unlock();
    }

    /** Releases the lock if the calling thread holds it; says whether it did. */
    boolean releaseIfHeld() {
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
            return true;
        }
        return false;
    }

    /** Hands the lock to a waiting thread if one asked for it; cheap when nobody did. */
    void checkpoint() {
        if (dropRequested && lock.isHeldByCurrentThread()) {
            lock.unlock();
            acquire();
        }
    }
}
