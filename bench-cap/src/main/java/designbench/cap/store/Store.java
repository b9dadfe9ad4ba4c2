package designbench.cap.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A replicated key-value store as one client in one network namespace sees it: through its local member.
 * Operations are asynchronous so that an open-loop client never waits for one answer before issuing the next.
 */
public interface Store extends AutoCloseable {

    /** A successful answer: the value read (null when the key is absent; null for a write) and a detail. */
    record Answer(String value, String detail) {
    }

    /** Waits until the local member can serve requests (it has a leader, or its cluster is complete). */
    void awaitReady(Duration limit) throws Exception;

    /** Whether the local member leads its cluster (etcd's Raft leader, Hazelcast's master member). */
    boolean isLeader() throws Exception;

    CompletableFuture<Answer> write(String key, String value);

    CompletableFuture<Answer> read(String key, String mode);

    /** The read modes this store offers, measured side by side; the last is the one answered locally. */
    List<String> readModes();

    /** The read mode served by the local member alone, used for the convergence polls and the final reads. */
    default String localReadMode() {
        return readModes().get(readModes().size() - 1);
    }

    /** The error kind of a failed operation (Op's result): timeout, unavailable or error. */
    String errorKind(Throwable failure);

    @Override
    void close();
}
