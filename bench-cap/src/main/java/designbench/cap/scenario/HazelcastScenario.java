package designbench.cap.scenario;

import com.hazelcast.instance.BuildInfoProvider;
import designbench.cap.net.Testbed;
import designbench.cap.store.HazelcastStore;
import java.nio.file.Path;
import java.util.List;

/**
 * AP: Hazelcast's IMap, embedded in the three client JVMs (each one member and its application), merged after a
 * partition by the latest update per key. Chosen over Redis replicas because a Redis replica refuses writes (or,
 * made writable, drops them when it resyncs), so Redis would show one side writing, not two sides merging; a
 * Hazelcast cluster split in two accepts writes on both sides and merges them on heal, which is the AP case the
 * question asks about. It comes from Maven Central with the suite, so it needs no install.
 */
public final class HazelcastScenario extends CapScenario {
    @Override
    public String system() {
        return "hazelcast";
    }

    @Override
    public String describe() {
        return "Hazelcast " + BuildInfoProvider.getBuildInfo().getVersion()
                + " IMap (3 embedded members, 2 async backups, latest update wins on merge)";
    }

    @Override
    public List<String> readModes() {
        return List.of(HazelcastStore.LOCAL);
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    protected AutoCloseable startMembers(Testbed testbed, Path work) {
        return () -> { }; // the clients are the members
    }
}
