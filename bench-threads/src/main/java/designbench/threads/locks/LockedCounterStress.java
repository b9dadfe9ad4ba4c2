package designbench.threads.locks;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

/**
 * Question: does each {@link Counter} keep both increments when two threads race? Every strategy timed in
 * {@link LockedCounterBench} is tested here over the same class: two actors increment once each, the arbiter
 * reads the count. jcstress needs the actors declared in each test class, hence the repetition; the logic under
 * test stays in {@link Counters}. {@code BrokenPlain} must lose some increments, or the test proves nothing; its
 * lost update is marked interesting rather than forbidden, so that catching it reads "control caught" in the
 * verdict table instead of failing the run.
 *
 * <p>Table: locks-correctness in results/runs/&lt;machine&gt;/&lt;run&gt;/summary.md
 */
public final class LockedCounterStress {
    private LockedCounterStress() {
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class Synchronized {
        final Counter counter = LockKind.SYNCHRONIZED.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class ReentrantUnfair {
        final Counter counter = LockKind.REENTRANT_UNFAIR.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class ReentrantFair {
        final Counter counter = LockKind.REENTRANT_FAIR.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class ReadWrite {
        final Counter counter = LockKind.READ_WRITE.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class Stamped {
        final Counter counter = LockKind.STAMPED.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class AtomicCas {
        final Counter counter = LockKind.ATOMIC_CAS.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class LongAdder {
        final Counter counter = LockKind.LONG_ADDER.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class VarHandle {
        final Counter counter = LockKind.VAR_HANDLE.newCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }

    /** The control: a plain {@code long++} without any lock must lose updates. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "lost update: the control caught the race")
    @State
    public static class BrokenPlain {
        final Counter counter = new Counters.BrokenPlain();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = counter.get();
        }
    }
}
