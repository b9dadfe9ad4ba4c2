package designbench.proxy.proxy;

import designbench.proxy.balance.Backend;
import designbench.proxy.cache.ResponseCache;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/** The proxy's counters, and their Prometheus text exposition for the admin endpoint. */
final class ProxyMetrics {

    final LongAdder requests = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder cacheMisses = new LongAdder();
    final LongAdder cacheCoalesced = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder retries = new LongAdder();
    final AtomicLong clientConnections = new AtomicLong();
    private final LongAdder[] responsesByClass = {new LongAdder(), new LongAdder(), new LongAdder(),
        new LongAdder(), new LongAdder()};

    void responded(int status) {
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            responsesByClass[statusClass - 1].increment();
        }
    }

    String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    byte[] exposition(List<Backend> backends, ResponseCache cache) {
        List<MetricSnapshot> metrics = new ArrayList<>();
        metrics.add(counter("designbench_proxy_requests", "Requests received from clients", requests.sum()));
        metrics.add(counter("designbench_proxy_cache_hits", "Requests answered from the cache", cacheHits.sum()));
        metrics.add(counter("designbench_proxy_cache_misses", "Cacheable requests not in the cache",
                cacheMisses.sum()));
        metrics.add(counter("designbench_proxy_cache_coalesced",
                "Misses answered by another request's fetch of the same key", cacheCoalesced.sum()));
        metrics.add(counter("designbench_proxy_rate_limited", "Requests refused with 429", rateLimited.sum()));
        metrics.add(counter("designbench_proxy_retries", "Requests retried on another backend", retries.sum()));
        CounterSnapshot.Builder responses = CounterSnapshot.builder().name("designbench_proxy_responses")
                .help("Responses sent to clients, by status class");
        for (int i = 0; i < responsesByClass.length; i++) {
            responses.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("class", (i + 1) + "xx"))
                    .value(responsesByClass[i].sum()).build());
        }
        metrics.add(responses.build());
        metrics.add(gauge("designbench_proxy_client_connections", "Open client connections",
                clientConnections.get()));
        metrics.add(gauge("designbench_proxy_cache_entries", "Entries in the response cache",
                cache == null ? 0 : cache.size()));
        metrics.add(perBackendCounter("designbench_proxy_backend_requests", "Requests sent to a backend", backends,
                Backend::requests));
        metrics.add(perBackendCounter("designbench_proxy_backend_errors",
                "Backend failures: refused or failed connections, timeouts, broken responses", backends,
                Backend::failures));
        metrics.add(perBackendGauge("designbench_proxy_backend_up", "1 when the backend is in rotation", backends,
                b -> b.isUp() ? 1 : 0));
        metrics.add(perBackendGauge("designbench_proxy_backend_in_flight", "Requests in flight to a backend",
                backends, Backend::inFlight));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, new MetricSnapshots(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static MetricSnapshot counter(String name, String help, double value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static MetricSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static MetricSnapshot perBackendCounter(String name, String help, List<Backend> backends,
                                                    ToDoubleFunction<Backend> value) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        for (Backend b : backends) {
            builder.dataPoint(CounterDataPointSnapshot.builder().labels(labels(b)).value(value.applyAsDouble(b))
                    .build());
        }
        return builder.build();
    }

    private static MetricSnapshot perBackendGauge(String name, String help, List<Backend> backends,
                                                  ToDoubleFunction<Backend> value) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        for (Backend b : backends) {
            builder.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(b)).value(value.applyAsDouble(b))
                    .build());
        }
        return builder.build();
    }

    private static Labels labels(Backend backend) {
        return Labels.of("backend", backend.address().toString(), "group", backend.group());
    }
}
