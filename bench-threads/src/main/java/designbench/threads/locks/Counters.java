package designbench.threads.locks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/** One {@link Counter} per strategy; {@link LockKind} chooses among them. */
final class Counters {
    private Counters() {
    }

    static final class Synchronized implements Counter {
        private long count;

        @Override
        public synchronized void increment() {
            count++;
        }

        @Override
        public synchronized long get() {
            return count;
        }
    }

    /** Any {@link Lock}: ReentrantLock fair or unfair, or the write lock of a ReentrantReadWriteLock. */
    static final class Locked implements Counter {
        private final Lock lock;
        private long count;

        Locked(Lock lock) {
            this.lock = lock;
        }

        @Override
        public void increment() {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long get() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
    }

    static final class Stamped implements Counter {
        private final StampedLock lock = new StampedLock();
        private long count;

        @Override
        public void increment() {
            long stamp = lock.writeLock();
            try {
                count++;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        public long get() {
            long stamp = lock.readLock();
            try {
                return count;
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }

    /** A compare-and-set retry loop, written out (rather than incrementAndGet) to show the strategy. */
    static final class AtomicCas implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment() {
            long current;
            do {
                current = count.get();
            } while (!count.compareAndSet(current, current + 1));
        }

        @Override
        public long get() {
            return count.get();
        }
    }

    static final class Adder implements Counter {
        private final LongAdder count = new LongAdder();

        @Override
        public void increment() {
            count.increment();
        }

        @Override
        public long get() {
            return count.sum();
        }
    }

    static final class VarHandleGetAndAdd implements Counter {
        private static final VarHandle COUNT;

        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(VarHandleGetAndAdd.class, "count", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through COUNT
        private volatile long count;

        @Override
        public void increment() {
            COUNT.getAndAdd(this, 1L);
        }

        @Override
        public long get() {
            return (long) COUNT.getVolatile(this);
        }
    }

    /** Deliberately broken: a plain field, no lock. Only the jcstress control uses it, to prove races are seen. */
    static final class BrokenPlain implements Counter {
        private long count;

        @Override
        public void increment() {
            count++;
        }

        @Override
        public long get() {
            return count;
        }
    }
}
