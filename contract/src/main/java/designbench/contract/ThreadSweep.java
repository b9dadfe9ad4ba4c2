package designbench.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread sweep's rows: the results launcher runs a benchmark whose thread count is a dimension
 * ({@code @Threads(Threads.MAX)}) once per kind of JMH worker thread and thread count. The kinds are the values of
 * the benchmark's own {@code @Param String threadKind} ({@value #THREAD_KIND_PARAM}: PLATFORM, VIRTUAL or both), so
 * JMH's raw JSON names the kind in each row's params; each kind runs in forks with the flag
 * {@value #EXECUTOR_FLAG}{@code <kind>}, and the benchmark's setup calls {@link #checkWorkerThread} so that no row
 * can claim a kind it did not run on. The thread count is JMH's own {@code threads} field, which the results tables
 * add as {@value #THREADS_PARAM}, so that each cell of the sweep is a row of its own. (Runs before 2026-12-03 had no
 * such param; their kind is read back from the executor flag.)
 */
public final class ThreadSweep {
    /** JMH's system property that chooses the worker-thread executor. */
    public static final String EXECUTOR_PROPERTY = "jmh.executor";
    /** The fork flag a swept run carries; the results tables read it back from JMH's JSON. */
    public static final String EXECUTOR_FLAG = "-D" + EXECUTOR_PROPERTY + "=";
    /** Row parameter: the kind of worker threads, PLATFORM or VIRTUAL. */
    public static final String THREAD_KIND_PARAM = "threadKind";
    /** The kind of an ordinary JMH worker thread. */
    public static final String PLATFORM = "PLATFORM";
    /** The kind of a JMH worker thread under {@value #EXECUTOR_FLAG}VIRTUAL. */
    public static final String VIRTUAL = "VIRTUAL";
    /** Every kind a sweep can run, in the order it runs them; each is also the executor's name for JMH. */
    public static final List<String> THREAD_KINDS = List.of(PLATFORM, VIRTUAL);
    /** Row parameter: how many worker threads. */
    public static final String THREADS_PARAM = "threads";

    private ThreadSweep() {
    }

    /**
     * In a swept benchmark's trial setup, on a worker thread: fails unless this thread is of the kind its
     * {@value #THREAD_KIND_PARAM} parameter names (run by hand, a VIRTUAL row needs {@value #EXECUTOR_FLAG}VIRTUAL).
     */
    public static void checkWorkerThread(String threadKind) {
        boolean virtual = Thread.currentThread().isVirtual();
        if (virtual != VIRTUAL.equals(threadKind) || !(virtual || PLATFORM.equals(threadKind))) {
            throw new IllegalStateException(THREAD_KIND_PARAM + "=" + threadKind + " but this worker is a "
                    + (virtual ? "virtual" : "platform") + " thread: run the fork with " + EXECUTOR_FLAG
                    + threadKind + " (the results launcher does), or choose -p " + THREAD_KIND_PARAM + "="
                    + (virtual ? VIRTUAL : PLATFORM));
        }
    }

    /** The parameters a swept run's rows get besides their own. */
    public static Map<String, String> rowParams(String threadKind, int threads) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(THREAD_KIND_PARAM, threadKind);
        params.put(THREADS_PARAM, String.valueOf(threads));
        return params;
    }

    /**
     * Inside a benchmark fork: this fork's row parameters, its own plus the sweep's when the fork runs in a sweep
     * (its {@value #EXECUTOR_PROPERTY} property is set).
     */
    public static Map<String, String> forkRowParams(Map<String, String> own, int threads) {
        String kind = System.getProperty(EXECUTOR_PROPERTY);
        if (kind == null || kind.isBlank()) {
            return own;
        }
        Map<String, String> params = new LinkedHashMap<>(own);
        params.putAll(rowParams(kind, threads));
        return params;
    }
}
