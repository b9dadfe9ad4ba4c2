package designbench.threads.locks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/** One {@link ConsistentPair} per strategy; {@link LockKind} chooses among them. */
final class Pairs {
    private Pairs() {
    }

    static final class Synchronized implements ConsistentPair {
        private int first;
        private int second;

        @Override
        public synchronized void advance() {
            first++;
            second++;
        }

        @Override
        public synchronized long read() {
            return ConsistentPair.pack(first, second);
        }
    }

    /** Reads under {@code readLock}, writes under {@code writeLock}: the same ReentrantLock, or a read-write pair. */
    static final class Locked implements ConsistentPair {
        private final Lock readLock;
        private final Lock writeLock;
        private int first;
        private int second;

        Locked(Lock readLock, Lock writeLock) {
            this.readLock = readLock;
            this.writeLock = writeLock;
        }

        @Override
        public void advance() {
            writeLock.lock();
            try {
                first++;
                second++;
            } finally {
                writeLock.unlock();
            }
        }

        @Override
        public long read() {
            readLock.lock();
            try {
                return ConsistentPair.pack(first, second);
            } finally {
                readLock.unlock();
            }
        }
    }

    static final class Stamped implements ConsistentPair {
        final StampedLock lock = new StampedLock();
        int first;
        int second;

        @Override
        public void advance() {
            long stamp = lock.writeLock();
            try {
                first++;
                second++;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        @Override
        public long read() {
            long stamp = lock.readLock();
            try {
                return ConsistentPair.pack(first, second);
            } finally {
                lock.unlockRead(stamp);
            }
        }
    }

    /** Reads without locking, then validates; only when a write intervened does it retry under the read lock. */
    static final class StampedOptimistic implements ConsistentPair {
        private final Stamped state = new Stamped();

        @Override
        public void advance() {
            state.advance();
        }

        @Override
        public long read() {
            long stamp = state.lock.tryOptimisticRead();
            int first = state.first;
            int second = state.second;
            if (state.lock.validate(stamp)) {
                return ConsistentPair.pack(first, second);
            }
            return state.read();
        }
    }

    /** Deliberately broken: an optimistic read that never validates. Only the jcstress control uses it. */
    static final class BrokenOptimistic implements ConsistentPair {
        private final Stamped state = new Stamped();

        @Override
        public void advance() {
            state.advance();
        }

        @Override
        public long read() {
            state.lock.tryOptimisticRead();
            return ConsistentPair.pack(state.first, state.second);
        }
    }

    /** Both fields packed in one AtomicLong and advanced with a compare-and-set loop: consistent by construction. */
    static final class PackedAtomicCas implements ConsistentPair {
        private static final long BOTH = ConsistentPair.pack(1, 1);
        private final AtomicLong packed = new AtomicLong();

        @Override
        public void advance() {
            long current;
            do {
                current = packed.get();
            } while (!packed.compareAndSet(current, current + BOTH));
        }

        @Override
        public long read() {
            return packed.get();
        }
    }

    /** Both fields packed in one long and advanced with one VarHandle getAndAdd. */
    static final class PackedVarHandle implements ConsistentPair {
        private static final long BOTH = ConsistentPair.pack(1, 1);
        private static final VarHandle PACKED;

        static {
            try {
                PACKED = MethodHandles.lookup().findVarHandle(PackedVarHandle.class, "packed", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through PACKED
        private volatile long packed;

        @Override
        public void advance() {
            PACKED.getAndAdd(this, BOTH);
        }

        @Override
        public long read() {
            return (long) PACKED.getVolatile(this);
        }
    }
}
