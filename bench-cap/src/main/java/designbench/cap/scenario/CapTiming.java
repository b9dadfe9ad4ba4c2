package designbench.cap.scenario;

import designbench.contract.Profile;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How long the CAP suite runs under each profile: the partitions and the connected time around them. The workload
 * runs throughout: before the first partition, during each, and after each heal.
 *
 * @param partitions      the length of each partition, in order; the same member stays cut off for all of one
 * @param before          connected time before the first partition
 * @param after           connected time after each heal, at least the convergence wait's polls
 * @param ratePerClient   operations per second each of the three clients issues
 * @param keys            how many keys the workload reads and writes
 * @param timeout         how long a client waits for one answer
 * @param convergenceWait the longest wait after a heal for the members to agree
 */
public record CapTiming(String name, List<Duration> partitions, Duration before, Duration after, int ratePerClient,
                        int keys, Duration timeout, Duration convergenceWait) {
    public static final Duration POLL = Duration.ofMillis(100);

    /** One partition, long enough for Hazelcast (3 s failure detection) to split and answer on both sides. */
    static final CapTiming QUICK = new CapTiming("quick", List.of(Duration.ofSeconds(7)), Duration.ofSeconds(1),
            Duration.ofSeconds(5), 20, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    /** Shorter than, about three and about seven times the failure detection: about a minute a store. */
    static final CapTiming STANDARD = new CapTiming("standard", List.of(Duration.ofSeconds(3),
            Duration.ofSeconds(10), Duration.ofSeconds(20)), Duration.ofSeconds(3), Duration.ofSeconds(8), 20, 5,
            Duration.ofSeconds(1), Duration.ofSeconds(30));
    static final CapTiming THOROUGH = new CapTiming("thorough", List.of(Duration.ofSeconds(3),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)), Duration.ofSeconds(5),
            Duration.ofSeconds(15), 20, 5, Duration.ofSeconds(1), Duration.ofSeconds(60));
    /** For the integration test only: one short partition. */
    static final CapTiming SMOKE = new CapTiming("smoke", List.of(Duration.ofSeconds(2)), Duration.ofSeconds(2),
            Duration.ofSeconds(6), 20, 5, Duration.ofSeconds(1), Duration.ofSeconds(20));

    /** The CAP suite's timing under a profile of the contract's one list. */
    public static CapTiming of(Profile profile) {
        return switch (profile.name()) {
            case "quick" -> QUICK;
            case "standard" -> STANDARD;
            case "thorough" -> THOROUGH;
            case "smoke" -> SMOKE;
            default -> throw new IllegalStateException("no CAP partition lengths for profile " + profile.name());
        };
    }

    /** One line for the tables' heading. */
    public String describe() {
        return "%s: %d partition%s of %s, each with one member cut off; %d s connected before the first and %d s "
                .formatted(name, partitions.size(), partitions.size() == 1 ? "" : "s",
                        partitions.stream().map(d -> d.toSeconds() + " s").collect(Collectors.joining(", ")),
                        before.toSeconds(), after.toSeconds())
                + "after each heal; 3 clients (one per member) × %d operations/s open loop, half reads, over %d keys; "
                .formatted(ratePerClient, keys)
                + "timeout %d ms; convergence polled every %d ms".formatted(timeout.toMillis(), POLL.toMillis());
    }
}
