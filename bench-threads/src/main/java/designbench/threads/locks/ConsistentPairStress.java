package designbench.threads.locks;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Question: can a reader ever see a {@link ConsistentPair} half advanced? One actor advances both fields while
 * the other reads them; only (0, 0) and (1, 1) are correct. Every strategy of {@link ReadMostlyPairBench} is
 * tested over the same class, StampedLock's optimistic read only after a successful validate. jcstress needs the
 * actors declared in each test class; the logic under test stays in {@link Pairs}. {@code BrokenOptimistic} reads
 * optimistically and never validates: its torn pair is marked interesting, so catching it reads "control caught"
 * in the verdict table.
 *
 * <p>Table: locks-correctness in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
public final class ConsistentPairStress {
    private ConsistentPairStress() {
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class Synchronized {
        final ConsistentPair pair = LockKind.SYNCHRONIZED.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class ReentrantUnfair {
        final ConsistentPair pair = LockKind.REENTRANT_UNFAIR.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class ReentrantFair {
        final ConsistentPair pair = LockKind.REENTRANT_FAIR.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class ReadWrite {
        final ConsistentPair pair = LockKind.READ_WRITE.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class Stamped {
        final ConsistentPair pair = LockKind.STAMPED.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class StampedOptimistic {
        final ConsistentPair pair = LockKind.STAMPED_OPTIMISTIC.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class AtomicCas {
        final ConsistentPair pair = LockKind.ATOMIC_CAS.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = FORBIDDEN, desc = "torn pair")
    @State
    public static class VarHandle {
        final ConsistentPair pair = LockKind.VAR_HANDLE.newPair();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }

    /** The control: an optimistic read used without validate must, sometimes, see a torn pair. */
    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1"}, expect = ACCEPTABLE, desc = "consistent pair")
    @Outcome(id = {"1, 0", "0, 1"}, expect = ACCEPTABLE_INTERESTING,
            desc = "torn pair: the control caught the unvalidated read")
    @State
    public static class BrokenOptimistic {
        final ConsistentPair pair = new Pairs.BrokenOptimistic();

        @Actor
        public void writer() {
            pair.advance();
        }

        @Actor
        public void reader(II_Result r) {
            long snapshot = pair.read();
            r.r1 = ConsistentPair.first(snapshot);
            r.r2 = ConsistentPair.second(snapshot);
        }
    }
}
