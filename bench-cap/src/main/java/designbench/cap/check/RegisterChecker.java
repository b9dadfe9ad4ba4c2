package designbench.cap.check;

import designbench.cap.history.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Is one key's history linearizable as a read/write register? A search in the style of Wing and Gong with Lowe's
 * memoisation (the algorithm Porcupine and Knossos use): walk the history's call and return events in time order,
 * try to place each pending operation as the next one in a sequential order that the register's rules accept, and
 * back up when an operation returns before any order could place it. A state already tried (the same set of
 * placed operations and the same register value) is never tried twice.
 * <p>
 * What goes in: successful reads and writes; writes that timed out (they may have taken effect at any time after
 * their call, or never); not failed operations (unavailable, error: nothing happened) nor timed-out reads (they
 * returned nothing). A timed-out write whose value no read returned is left out too: placing it or not changes
 * no read, so it cannot change the verdict, and leaving it out keeps the search small.
 */
public final class RegisterChecker {
    /** The search gives up after this many steps and says so, rather than run without end. */
    static final long DEFAULT_STEP_BUDGET = 5_000_000;

    /** The outcome for one key. */
    public enum Verdict { LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN }

    /**
     * @param verdict   the answer, or UNKNOWN when the step budget ran out
     * @param checked   how many operations the search ordered
     * @param unplaced  for a violation: the operation that returned before any order of the earlier ones could
     *                  place it, at the deepest point the search reached (the first violating operation)
     * @param lastPlaced for a violation: the last operation placed at that point (the register's state came from it)
     */
    public record Result(Verdict verdict, int checked, Op unplaced, Op lastPlaced) {
    }

    private RegisterChecker() {
    }

    public static Result check(List<Op> keyOps) {
        return check(keyOps, DEFAULT_STEP_BUDGET);
    }

    static Result check(List<Op> keyOps, long stepBudget) {
        List<Op> ops = relevant(keyOps);
        int n = ops.size();
        if (n == 0) {
            return new Result(Verdict.LINEARIZABLE, 0, null, null);
        }
        // Events: call of op i is 2i, return is 2i+1; in time order, calls before returns at the same instant.
        List<Integer> order = new ArrayList<>(2 * n);
        for (int i = 0; i < 2 * n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer e) -> time(ops.get(e / 2), e % 2 == 1))
                .thenComparingInt(e -> e % 2));
        int events = 2 * n;
        int[] next = new int[events + 1];
        int[] prev = new int[events + 1];
        int[] kind = new int[events + 1]; // event id at list position
        // Position 0 is the head sentinel; positions 1..events hold order.get(p-1).
        int[] positionOf = new int[events];
        for (int p = 1; p <= events; p++) {
            kind[p] = order.get(p - 1);
            positionOf[kind[p]] = p;
        }
        for (int p = 0; p <= events; p++) {
            next[p] = p == events ? -1 : p + 1;
            prev[p] = p - 1;
        }

        BitSet placed = new BitSet(n);
        String state = null;
        Set<Memo> tried = new HashSet<>();
        Deque<Integer> stack = new ArrayDeque<>(); // call positions placed, with the state before each in states
        Deque<String> states = new ArrayDeque<>();
        int deepest = -1;
        Op deepestUnplaced = null;
        Op deepestLast = null;
        Op lastPlaced = null;
        long steps = 0;
        int position = next[0];
        while (next[0] != -1) {
            if (++steps > stepBudget) {
                return new Result(Verdict.UNKNOWN, n, null, null);
            }
            int event = kind[position];
            Op op = ops.get(event / 2);
            if (event % 2 == 0) { // a call: try placing the operation now
                String after = op.isWrite() ? op.value() : state;
                boolean legal = op.isWrite() || Objects.equals(op.value(), state);
                if (legal) {
                    BitSet with = (BitSet) placed.clone();
                    with.set(event / 2);
                    if (tried.add(new Memo(with, after))) {
                        stack.push(position);
                        states.push(state == null ? NULL : state);
                        placed = with;
                        state = after;
                        lastPlaced = op;
                        lift(position, positionOf[event + 1], next, prev);
                        position = next[0];
                        continue;
                    }
                }
                position = next[position];
            } else { // a return before the operation was placed: back up
                if (placed.cardinality() > deepest) {
                    deepest = placed.cardinality();
                    deepestUnplaced = op;
                    deepestLast = lastPlaced;
                }
                if (stack.isEmpty()) {
                    return new Result(Verdict.NOT_LINEARIZABLE, n, deepestUnplaced, deepestLast);
                }
                int callPosition = stack.pop();
                String before = states.pop();
                state = NULL.equals(before) ? null : before;
                int undone = kind[callPosition] / 2;
                placed = (BitSet) placed.clone();
                placed.clear(undone);
                unlift(callPosition, positionOf[kind[callPosition] + 1], next, prev);
                lastPlaced = stack.isEmpty() ? null : ops.get(kind[stack.peek()] / 2);
                position = next[callPosition];
            }
        }
        return new Result(Verdict.LINEARIZABLE, n, null, null);
    }

    /** Stands for the absent value on the stack of states (ArrayDeque holds no nulls). */
    private static final String NULL = "\u0000absent";

    private record Memo(BitSet placed, String state) {
    }

    /** The operations the search orders, as the class comment says. */
    static List<Op> relevant(List<Op> keyOps) {
        Set<String> observed = new HashSet<>();
        for (Op op : keyOps) {
            if (op.isRead() && op.ok() && op.value() != null) {
                observed.add(op.value());
            }
        }
        return keyOps.stream()
                .filter(op -> op.ok() || (op.isWrite() && op.indeterminate() && observed.contains(op.value())))
                .toList();
    }

    private static long time(Op op, boolean isReturn) {
        if (!isReturn) {
            return op.invoke();
        }
        return op.indeterminate() ? Long.MAX_VALUE : op.complete();
    }

    private static void lift(int call, int ret, int[] next, int[] prev) {
        unlink(call, next, prev);
        unlink(ret, next, prev);
    }

    private static void unlift(int call, int ret, int[] next, int[] prev) {
        relink(ret, next, prev);
        relink(call, next, prev);
    }

    private static void unlink(int p, int[] next, int[] prev) {
        next[prev[p]] = next[p];
        if (next[p] != -1) {
            prev[next[p]] = prev[p];
        }
    }

    private static void relink(int p, int[] next, int[] prev) {
        next[prev[p]] = p;
        if (next[p] != -1) {
            prev[next[p]] = p;
        }
    }
}
