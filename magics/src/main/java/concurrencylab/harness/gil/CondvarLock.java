package concurrencylab.harness.gil;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The lock of CPython's GIL before 3.2: a flag, and a signal to one sleeping waiter when it is cleared. Nothing
 * hands the lock to the woken thread and nothing makes it spin: by the time the operating system has run it, a
 * holder that asked again at once (it was running all along) has nearly always taken the flag back, and the
 * woken thread, having paid for waking up, goes back to sleep (the "GIL battle").
 */
final class CondvarLock {

    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private final Queue<Thread> sleepers = new ConcurrentLinkedQueue<>();

    void acquire() throws InterruptedException {
        Thread me = Thread.currentThread();
        while (!owner.compareAndSet(null, me)) {
            sleepers.add(me);
            if (owner.get() != null) {
                LockSupport.park(this);
            }
            sleepers.remove(me);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Clears the flag, then wakes a sleeper (a sleeper that checks the flag after the clear does not sleep). */
    void release() {
        owner.set(null);
        Thread sleeper = sleepers.peek();
        if (sleeper != null) {
            LockSupport.unpark(sleeper);
        }
    }

    /**
     * The old GIL's periodic release: clear the flag and, running, ask for it again at once; the signal to a
     * sleeper goes out after that (a sleeper that missed it is woken by a later release, as the flag is taken).
     */
    void releaseAndRetake() throws InterruptedException {
        Thread me = Thread.currentThread();
        owner.set(null);
        Thread sleeper = sleepers.peek();
        boolean retaken = owner.compareAndSet(null, me);
        if (sleeper != null) {
            LockSupport.unpark(sleeper);
        }
        if (!retaken) {
            acquire();
        }
    }
}
