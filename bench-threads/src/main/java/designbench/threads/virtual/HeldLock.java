package designbench.threads.virtual;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/** The lock a task holds while it blocks; constants read as table labels. */
public enum HeldLock {
    /** A Java monitor: pinned the virtual thread to its carrier while blocked, until JDK 24 (JEP 491). */
    SYNCHRONIZED {
        @Override
        public <T> T callHolding(Object lock, Callable<T> body) throws Exception {
            synchronized (lock) {
                return body.call();
            }
        }

        @Override
        public Object newLock() {
            return new Object();
        }
    },
    /** A java.util.concurrent lock: a blocked virtual thread unmounts and frees its carrier on every JDK 21+. */
    REENTRANT_LOCK {
        @Override
        public <T> T callHolding(Object lock, Callable<T> body) throws Exception {
            ReentrantLock reentrantLock = (ReentrantLock) lock;
            reentrantLock.lock();
            try {
                return body.call();
            } finally {
                reentrantLock.unlock();
            }
        }

        @Override
        public Object newLock() {
            return new ReentrantLock();
        }
    };

    /** Runs {@code body} while holding {@code lock}, which must come from {@link #newLock()} of this constant. */
    public abstract <T> T callHolding(Object lock, Callable<T> body) throws Exception;

    /** A new lock object of this kind. */
    public abstract Object newLock();
}
