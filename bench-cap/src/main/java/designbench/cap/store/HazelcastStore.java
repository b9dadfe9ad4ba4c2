package designbench.cap.store;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.merge.LatestUpdateMergePolicy;
import designbench.cap.history.Op;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hazelcast's IMap, embedded: this JVM is one of the three cluster members (in its own network namespace) and
 * also the application that uses it, the way Hazelcast is embedded in a service. Every member keeps a copy of
 * every entry (two asynchronous backups: a write is acknowledged once the entry's owner has it) and reads its own
 * copy ({@code read-backup-data}), so each side of a partition keeps answering once it has noticed the split.
 * When the partition heals, the smaller cluster merges into the larger with
 * {@link LatestUpdateMergePolicy}: per key, the entry updated last wins.
 * <p>
 * Failure detection and the split-brain merge are set to seconds, not Hazelcast's minutes, so that a partition of
 * a few seconds is seen and healed within a run: a missed heartbeat for 3 s declares a member dead, and the merge
 * check runs 2 s after start and every 2 s after that.
 */
public final class HazelcastStore implements Store {
    public static final String LOCAL = "local";
    static final String MAP = "cap";

    private final HazelcastInstance member;
    private final IMap<String, String> map;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    public HazelcastStore(String address, List<String> members, Duration timeout) {
        Logger.getLogger("com.hazelcast").setLevel(Level.WARNING);
        Config config = new Config();
        config.setClusterName("designbench-cap");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "3");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "2");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "2");
        config.setProperty("hazelcast.operation.call.timeout.millis", String.valueOf(timeout.toMillis() * 3));
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(5701).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(address);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        // Copies on every member, updated after the owner answers (asynchronous backups): a write waits for no
        // other member, as an AP store's should.
        MapConfig mapConfig = new MapConfig(MAP).setBackupCount(0).setAsyncBackupCount(2).setReadBackupData(true)
                .setPerEntryStatsEnabled(true); // LatestUpdateMergePolicy needs each entry's last update time
        mapConfig.getMergePolicyConfig().setPolicy(LatestUpdateMergePolicy.class.getName());
        config.addMapConfig(mapConfig);
        member = Hazelcast.newHazelcastInstance(config);
        map = member.getMap(MAP);
    }

    @Override
    public void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (member.getCluster().getMembers().size() < 3) {
            if (System.nanoTime() > deadline) {
                throw new IOException("Hazelcast cluster has " + member.getCluster().getMembers().size()
                        + " of 3 members after " + limit.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        while (!member.getPartitionService().isClusterSafe()) { // every partition has its owner and copies
            if (System.nanoTime() > deadline) {
                throw new IOException("Hazelcast cluster not safe (backups not in place) after "
                        + limit.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public boolean isLeader() {
        return member.getCluster().getMembers().iterator().next().localMember();
    }

    @Override
    public CompletableFuture<Answer> write(String key, String value) {
        return map.setAsync(key, value).toCompletableFuture().thenApply(ignored -> new Answer(null, null));
    }

    @Override
    public CompletableFuture<Answer> read(String key, String mode) {
        if (!LOCAL.equals(mode)) {
            throw new IllegalArgumentException("Hazelcast has no read mode '" + mode + "'");
        }
        // The blocking get, on a virtual thread of its own: it is the call that read-backup-data serves from the
        // member's own copy (the asynchronous get always asks the entry's owner).
        return CompletableFuture.supplyAsync(() -> new Answer(map.get(key), null), readers);
    }

    @Override
    public List<String> readModes() {
        return List.of(LOCAL);
    }

    @Override
    public String errorKind(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OperationTimeoutException) {
            return Op.TIMEOUT;
        }
        if (cause.getClass().getName().startsWith("com.hazelcast.spi.exception.")
                || cause instanceof com.hazelcast.core.MemberLeftException) {
            return Op.UNAVAILABLE;
        }
        return Op.ERROR;
    }

    @Override
    public void close() {
        readers.shutdownNow();
        member.getLifecycleService().terminate();
    }
}
