package designbench.proxy;

import designbench.proxy.load.LoadConfig;
import designbench.proxy.load.LoadGenerator;
import designbench.proxy.load.LoadReport;
import designbench.proxy.net.Address;
import designbench.proxy.origin.OriginConfig;
import designbench.proxy.origin.OriginServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load generator against real origins: every request due is accounted for, the coordinated-omission correction,
 * failover. The schedule itself (how many requests are due when) is {@code SendTimelineTest}'s, on a fake clock; these
 * tests assert no rate or latency that a slow machine could miss.
 */
class LoadGeneratorIT {

    private static OriginServer origin(String name) {
        return OriginServer.start(OriginConfig.defaults(name), List.of(new Address.Tcp("127.0.0.1", 0)), 1);
    }

    @Test
    void anOpenLoopRunAccountsForEveryRequestItsTimelineHeld() throws Exception {
        try (OriginServer origin = origin("fast")) {
            LoadConfig config = LoadConfig.defaults(origin.addresses()).withRate(400).withConnections(4)
                    .withTimes(Duration.ofMillis(500), Duration.ofSeconds(2));
            LoadReport report = LoadGenerator.run(config, null, null);
            assertEquals(800, report.completed() + report.errorCount(),
                    "400/s for 2 s: each request answered, lost or unsent, none twice: " + report.errors());
            assertTrue(report.completed() > 0 && report.latency().p50() > 0, report.toString());
        }
    }

    @Test
    void anOverloadedServerIsNotCreditedWithResponsesAfterTheWindow() throws Exception {
        // 1 connection to an origin answering in 50 ms can complete about 20 requests/s; 100/s are offered.
        try (OriginServer origin = origin("slow")) {
            origin.reconfigure(origin.config().withLatency(50, false));
            LoadConfig config = LoadConfig.defaults(origin.addresses()).withRate(100).withConnections(1)
                    .withTimes(Duration.ofMillis(300), Duration.ofSeconds(2));
            LoadReport report = LoadGenerator.run(config, null, null);
            assertTrue(report.achievedRate() < 25, "achieved " + report.achievedRate());
            assertTrue(report.errors().getOrDefault("unsent", 0L) > 0, "the backlog is reported: " + report.errors());
            assertTrue(report.latency().p90() > 500_000, "the backlog shows in the latency: " + report.latency());
        }
    }

    @Test
    void aServerThatClosesAfterEachAnswerCausesNoErrors() throws Exception {
        try (OriginServer origin = origin("closer")) {
            LoadConfig config = LoadConfig.defaults(origin.addresses()).withRate(100).withConnections(2)
                    .withTimes(Duration.ofMillis(300), Duration.ofSeconds(1)).withRequest("/k/", "close=1", "");
            LoadReport report = LoadGenerator.run(config, null, null);
            assertEquals(100, report.completed() + report.errorCount(), "100/s for 1 s: " + report.errors());
            assertEquals(0, report.errorCount() - report.errors().getOrDefault("unsent", 0L),
                    "a server's close after its answer is no error: " + report.errors());
            assertTrue(origin.connectionsOpened() >= report.completed(), "a connection per request");
        }
    }

    @Test
    void requestsSpreadOverEveryTarget() throws Exception {
        try (OriginServer first = origin("first"); OriginServer second = origin("second")) {
            LoadConfig config = LoadConfig.defaults(List.of(first.addresses().get(0), second.addresses().get(0)))
                    .withRate(100).withConnections(4).withTimes(Duration.ofMillis(300), Duration.ofSeconds(1));
            LoadGenerator.run(config, null, null);
            long a = first.requests();
            long b = second.requests();
            assertTrue(Math.min(a, b) > 0.3 * (a + b), "first " + a + ", second " + b);
        }
    }

    @Test
    void aClosedLoopRunKeepsEveryConnectionBusy() throws Exception {
        try (OriginServer origin = origin("fast")) {
            LoadConfig config = LoadConfig.defaults(origin.addresses()).withConnections(4)
                    .withTimes(Duration.ofMillis(300), Duration.ofSeconds(1)).withKeys(100, 1.0);
            LoadReport report = LoadGenerator.run(config, null, null);
            assertEquals(0, report.errorCount(), report.errors().toString());
            assertTrue(report.completed() > 100, "requests back to back: " + report.completed());
            assertTrue(origin.received().stream().anyMatch(r -> r.uri().startsWith("/k/")));
        }
    }

    /**
     * One connection at 100 requests/s; the origin stalls once for 1 s. Timed from intended starts, the stall delays
     * about 100 requests by 1 s down to 0, about a quarter of a 4 s run, so p90 shows it. A naive closed loop sees
     * one slow request among thousands and hides it.
     */
    @Test
    void openLoopPercentilesShowAStallThatAClosedLoopHides() throws Exception {
        try (OriginServer origin = origin("stalls")) {
            LoadConfig open = LoadConfig.defaults(origin.addresses()).withRate(100).withConnections(1)
                    .withTimes(Duration.ofMillis(200), Duration.ofSeconds(4));
            LoadReport openReport = runWithStall(origin, open);
            LoadConfig closed = open.withRate(0);
            LoadReport closedReport = runWithStall(origin, closed);

            assertTrue(openReport.latency().max() >= 900_000, "the stall itself: " + openReport.latency());
            assertTrue(closedReport.latency().max() >= 900_000, "the closed loop saw it once: "
                    + closedReport.latency());
            assertTrue(openReport.latency().p90() >= 200_000,
                    "open loop: the delayed quarter of requests shows at p90: " + openReport.latency());
            assertTrue(closedReport.latency().p90() < openReport.latency().p90() / 4,
                    "closed loop: only one sample is slow, so p90 hides the stall: " + closedReport.latency());
        }
    }

    private static LoadReport runWithStall(OriginServer origin, LoadConfig config) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> origin.stall(Duration.ofSeconds(1)), 1500, TimeUnit.MILLISECONDS);
            return LoadGenerator.run(config, null, null);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void preferringTheFastestMovesConnectionsOffASlowTarget() throws Exception {
        try (OriginServer slow = origin("slow"); OriginServer fast = origin("fast")) {
            slow.reconfigure(slow.config().withLatency(40, false));
            List<Address> targets = List.of(slow.addresses().get(0), fast.addresses().get(0));
            LoadConfig config = LoadConfig.defaults(targets).withRate(100).withConnections(4)
                    .withTimes(Duration.ofMillis(500), Duration.ofSeconds(2)).withTargets(targets, true);
            LoadReport report = LoadGenerator.run(config, null, null);
            long fromFast = report.perTarget().get(fast.addresses().get(0).toString());
            assertTrue(fromFast > 0.8 * report.completed(), "the fast target answered " + fromFast + " of "
                    + report.completed());
            assertEquals(0, report.errorCount() - report.errors().getOrDefault("unsent", 0L),
                    "moving is no error: " + report.errors());
            long perSecond = report.perSecond().stream().mapToLong(s -> s.perTarget().stream()
                    .mapToLong(Long::longValue).sum()).sum();
            assertTrue(perSecond <= report.completed() && perSecond > 0, "per-target seconds count the responses: "
                    + perSecond + " of " + report.completed());
        }
    }

    @Test
    void connectionsFailOverWhenATargetDies() throws Exception {
        try (OriginServer first = origin("first"); OriginServer second = origin("second")) {
            LoadConfig config = LoadConfig.defaults(List.of(first.addresses().get(0), second.addresses().get(0)))
                    .withRate(200).withConnections(4).withTimes(Duration.ofMillis(300), Duration.ofSeconds(3));
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            LoadReport report;
            try {
                timer.schedule(first::close, 1300, TimeUnit.MILLISECONDS);
                report = LoadGenerator.run(config, null, null);
            } finally {
                timer.shutdownNow();
            }
            long secondAfter = second.requests();
            long lost = report.errors().getOrDefault("closed", 0L) + report.errors().getOrDefault("timeout", 0L);
            assertEquals(600, report.completed() + lost + report.errors().getOrDefault("unsent", 0L),
                    "200/s for 3 s, each request answered, lost or unsent (refused connects are no requests): "
                            + report.errors());
            assertTrue(lost < 50, "only requests in flight at the kill are lost: " + report.errors());
            assertTrue(secondAfter > first.requests(), "the survivor took over");
        }
    }
}
