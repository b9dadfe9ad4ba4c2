package designbench.threads.locks;

import designbench.contract.BenchmarkFailure;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The lock strategies compared; constants read as table labels. Where a strategy does not fit a shape it says
 * so with an exception whose message starts with {@value BenchmarkFailure#UNAVAILABLE_PREFIX}, which the results
 * tables show as such.
 */
public enum LockKind {
    SYNCHRONIZED {
        @Override
        public Counter newCounter() {
            return new Counters.Synchronized();
        }

        @Override
        public ConsistentPair newPair() {
            return new Pairs.Synchronized();
        }
    },
    REENTRANT_UNFAIR {
        @Override
        public Counter newCounter() {
            return new Counters.Locked(new ReentrantLock(false));
        }

        @Override
        public ConsistentPair newPair() {
            ReentrantLock lock = new ReentrantLock(false);
            return new Pairs.Locked(lock, lock);
        }
    },
    REENTRANT_FAIR {
        @Override
        public Counter newCounter() {
            return new Counters.Locked(new ReentrantLock(true));
        }

        @Override
        public ConsistentPair newPair() {
            ReentrantLock lock = new ReentrantLock(true);
            return new Pairs.Locked(lock, lock);
        }
    },
    /** ReentrantReadWriteLock (unfair): readers share the read lock, writers take the write lock. */
    READ_WRITE {
        @Override
        public Counter newCounter() {
            return new Counters.Locked(new ReentrantReadWriteLock().writeLock());
        }

        @Override
        public ConsistentPair newPair() {
            ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
            return new Pairs.Locked(lock.readLock(), lock.writeLock());
        }
    },
    /** StampedLock with its write lock for writes and its read lock for reads. */
    STAMPED {
        @Override
        public Counter newCounter() {
            return new Counters.Stamped();
        }

        @Override
        public ConsistentPair newPair() {
            return new Pairs.Stamped();
        }
    },
    /** StampedLock with optimistic reads, validated, falling back to the read lock. */
    STAMPED_OPTIMISTIC {
        @Override
        public Counter newCounter() {
            throw new UnsupportedOperationException(
                    BenchmarkFailure.UNAVAILABLE_PREFIX
                            + "optimistic reads differ from STAMPED only on reads, and this shape has none");
        }

        @Override
        public ConsistentPair newPair() {
            return new Pairs.StampedOptimistic();
        }
    },
    /** AtomicLong and a compare-and-set loop; the pair packs both fields into the one long. */
    ATOMIC_CAS {
        @Override
        public Counter newCounter() {
            return new Counters.AtomicCas();
        }

        @Override
        public ConsistentPair newPair() {
            return new Pairs.PackedAtomicCas();
        }
    },
    LONG_ADDER {
        @Override
        public Counter newCounter() {
            return new Counters.Adder();
        }

        @Override
        public ConsistentPair newPair() {
            throw new UnsupportedOperationException(
                    BenchmarkFailure.UNAVAILABLE_PREFIX
                            + "a LongAdder has no consistent read of two values (sum() is not a snapshot)");
        }
    },
    /** VarHandle getAndAdd on a volatile long; the pair packs both fields into the one long. */
    VAR_HANDLE {
        @Override
        public Counter newCounter() {
            return new Counters.VarHandleGetAndAdd();
        }

        @Override
        public ConsistentPair newPair() {
            return new Pairs.PackedVarHandle();
        }
    };

    /** A new counter of this strategy. */
    public abstract Counter newCounter();

    /** A new pair of this strategy. */
    public abstract ConsistentPair newPair();
}
