package designbench.cap.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One operation of a history, as a line of {@code <system>-ops.jsonl}. Times are nanoseconds of the machine's
 * monotonic clock (Java's System.nanoTime, CLOCK_MONOTONIC on Linux), which every process on the machine shares,
 * whichever network namespace it runs in.
 *
 * @param client   the client that issued it: the network namespace it ran in (n1, n2, n3)
 * @param purpose  {@code workload} (the measured operations), {@code final} (the reads of every key after the last
 *                 heal, from which lost writes are found) or {@code marker} (the write of the convergence key)
 * @param type     {@code read} or {@code write}
 * @param key      the register
 * @param value    the value written, or the value a successful read returned (null: the key was absent)
 * @param mode     how a read was served: {@code linearizable}, {@code serializable} (etcd) or {@code local}
 *                 (Hazelcast, read from the member's own copy); empty for writes
 * @param intended when the open-loop schedule meant to issue it
 * @param invoke   when it was issued
 * @param complete when its answer arrived, or when the client gave up on it (timeout)
 * @param result   {@code ok}, {@code timeout} (no answer within the client's timeout: it may still take effect),
 *                 {@code unavailable} (refused before doing anything: no leader, connection refused) or
 *                 {@code error} (any other failure)
 * @param detail   the error's message, or the store's revision for etcd ({@code rev 41})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Op(String client, String purpose, String type, String key, String value, String mode, long intended,
                 long invoke, long complete, String result, String detail) {
    public static final String WORKLOAD = "workload";
    public static final String FINAL = "final";
    public static final String MARKER = "marker";
    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String OK = "ok";
    public static final String TIMEOUT = "timeout";
    public static final String UNAVAILABLE = "unavailable";
    public static final String ERROR = "error";

    @JsonIgnore
    public boolean isWrite() {
        return WRITE.equals(type);
    }

    @JsonIgnore
    public boolean isRead() {
        return READ.equals(type);
    }

    public boolean ok() {
        return OK.equals(result);
    }

    /** A write that timed out: it may or may not have taken effect, now or later. */
    public boolean indeterminate() {
        return TIMEOUT.equals(result);
    }

    /** Milliseconds from the intended start to the completion: the latency an open-loop client sees. */
    public double latencyMillis() {
        return (complete - intended) / 1e6;
    }
}
