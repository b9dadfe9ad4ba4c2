package designbench.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread sweep's rows: the results launcher runs a benchmark whose thread count is a dimension once per kind of
 * JMH worker thread (the fork flag {@value #EXECUTOR_FLAG}{@code <kind>}) and thread count, and each such run's
 * rows carry both as parameters, {@value #THREAD_KIND_PARAM} and {@value #THREADS_PARAM}, so that each cell of the
 * sweep is a row of its own. The fork's own code (a latency log's tag) and the results tables derive them alike.
 */
public final class ThreadSweep {
    /** JMH's system property that chooses the worker-thread executor. */
    public static final String EXECUTOR_PROPERTY = "jmh.executor";
    /** The fork flag a swept run carries; the results tables read it back from JMH's JSON. */
    public static final String EXECUTOR_FLAG = "-D" + EXECUTOR_PROPERTY + "=";
    /** Row parameter: the kind of worker threads, PLATFORM or VIRTUAL. */
    public static final String THREAD_KIND_PARAM = "threadKind";
    /** Row parameter: how many worker threads. */
    public static final String THREADS_PARAM = "threads";

    private ThreadSweep() {
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
