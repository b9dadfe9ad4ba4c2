package designbench.cap.check;

import static designbench.cap.check.Ops.read;
import static designbench.cap.check.Ops.timedOutWrite;
import static designbench.cap.check.Ops.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import designbench.cap.check.RegisterChecker.Verdict;
import designbench.cap.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegisterCheckerTest {

    private static Verdict verdict(Op... ops) {
        return RegisterChecker.check(List.of(ops)).verdict();
    }

    @Test
    void aSequentialHistoryIsLinearizable() {
        assertEquals(Verdict.LINEARIZABLE, verdict(write("a", "k", "1", 0, 1), read("b", "k", "1", 2, 3),
                write("a", "k", "2", 4, 5), read("b", "k", "2", 6, 7)));
    }

    @Test
    void aReadConcurrentWithAWriteMayReturnTheOldOrTheNewValue() {
        assertEquals(Verdict.LINEARIZABLE, verdict(write("a", "k", "1", 0, 10), read("b", "k", null, 1, 2)));
        assertEquals(Verdict.LINEARIZABLE, verdict(write("a", "k", "1", 0, 10), read("b", "k", "1", 1, 2)));
    }

    @Test
    void aStaleReadIsAViolationAndIsNamed() {
        Op stale = read("c", "k", "1", 4, 5);
        RegisterChecker.Result result = RegisterChecker.check(List.of(write("a", "k", "1", 0, 1),
                write("b", "k", "2", 2, 3), stale));
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertSame(stale, result.unplaced());
    }

    @Test
    void aLostUpdateIsAViolation() {
        // Both writes acknowledged one after the other, the second even read back; then the register shows the
        // first again (the second was lost, as when a merge keeps the wrong side).
        assertEquals(Verdict.NOT_LINEARIZABLE, verdict(write("a", "k", "1", 0, 1), write("b", "k", "2", 2, 3),
                read("c", "k", "2", 4, 5), read("c", "k", "1", 6, 7)));
    }

    @Test
    void twoReadersSeeingConcurrentWritesInOppositeOrdersIsAViolation() {
        assertEquals(Verdict.NOT_LINEARIZABLE, verdict(write("a", "k", "1", 0, 10), write("b", "k", "2", 0, 10),
                read("c", "k", "1", 1, 2), read("c", "k", "2", 3, 4),
                read("d", "k", "2", 1, 2), read("d", "k", "1", 3, 4)));
    }

    @Test
    void aValueNobodyWroteIsAViolation() {
        assertEquals(Verdict.NOT_LINEARIZABLE, verdict(read("a", "k", "ghost", 0, 1)));
    }

    @Test
    void aTimedOutWriteMayTakeEffectLongAfterItsTimeout() {
        assertEquals(Verdict.LINEARIZABLE, verdict(timedOutWrite("a", "k", "1", 0, 1000),
                read("b", "k", null, 2000, 2001), read("b", "k", "1", 9000, 9001)));
    }

    @Test
    void butOnceVisibleItCannotBeUndoneByNothing() {
        assertEquals(Verdict.NOT_LINEARIZABLE, verdict(write("a", "k", "1", 0, 1),
                timedOutWrite("a", "k", "2", 2, 1002), read("b", "k", "2", 2000, 2001),
                read("b", "k", "1", 3000, 3001)));
    }

    @Test
    void failedOperationsAndUnobservedTimedOutWritesAreLeftOut() {
        List<Op> ops = List.of(write("a", "k", "1", 0, 1), timedOutWrite("a", "k", "2", 2, 1002),
                Ops.failedRead("b", "k", Op.TIMEOUT, 3, 1003), Ops.failedRead("b", "k", Op.UNAVAILABLE, 4, 5),
                read("b", "k", "1", 2000, 2001));
        assertEquals(List.of(ops.get(0), ops.get(4)), RegisterChecker.relevant(ops));
        assertEquals(Verdict.LINEARIZABLE, RegisterChecker.check(ops).verdict());
    }

    @Test
    void aSpentBudgetIsUnknownNotAnAnswer() {
        assertEquals(Verdict.UNKNOWN, RegisterChecker.check(List.of(write("a", "k", "1", 0, 10),
                write("b", "k", "2", 0, 10), read("c", "k", "3", 1, 2)), 3).verdict());
    }

    @Test
    void historiesOfATrueRegisterWithManyOverlappingOperationsAreLinearizable() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 50; trial++) {
            List<Op> ops = atomicRegisterHistory(random, 300);
            assertEquals(Verdict.LINEARIZABLE, RegisterChecker.check(ops).verdict(), "trial " + trial);
        }
    }

    @Test
    void oneCorruptedReadInALongHistoryIsFound() {
        SplittableRandom random = new SplittableRandom(7);
        List<Op> ops = new ArrayList<>(atomicRegisterHistory(random, 300));
        for (int i = ops.size() / 2; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.isRead() && op.value() != null) {
                ops.set(i, new Op(op.client(), op.purpose(), op.type(), op.key(), "v0-never", op.mode(),
                        op.intended(), op.invoke(), op.complete(), op.result(), null));
                break;
            }
        }
        assertEquals(Verdict.NOT_LINEARIZABLE, RegisterChecker.check(ops).verdict());
    }

    /**
     * Four clients, each running one operation at a time on a true atomic register: every operation takes effect
     * at a random instant inside its own interval, so the history is linearizable by construction.
     */
    private static List<Op> atomicRegisterHistory(SplittableRandom random, int count) {
        record Pending(String client, boolean write, long invoke, long effect, long complete, String value) {
        }
        List<Pending> pending = new ArrayList<>();
        long[] free = new long[4];
        for (int i = 0; i < count; i++) {
            int client = random.nextInt(4);
            long invoke = free[client] + random.nextLong(1, 5);
            long complete = invoke + random.nextLong(1, 30);
            long effect = random.nextLong(invoke, complete + 1);
            free[client] = complete;
            pending.add(new Pending("c" + client, random.nextBoolean(), invoke, effect, complete, "v" + i));
        }
        pending.sort(java.util.Comparator.comparingLong(Pending::effect));
        String state = null;
        List<Op> ops = new ArrayList<>();
        for (Pending p : pending) {
            if (p.write()) {
                state = p.value();
                ops.add(write(p.client(), "k", p.value(), p.invoke(), p.complete()));
            } else {
                ops.add(read(p.client(), "k", state, p.invoke(), p.complete()));
            }
        }
        return ops;
    }
}
