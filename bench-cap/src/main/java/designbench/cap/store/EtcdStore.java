package designbench.cap.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;

/**
 * etcd through its v3 JSON gateway (HTTP POST to /v3/kv/put and /v3/kv/range, keys and values base64 as the
 * gateway wants them) on the local member. Reads are linearizable (etcd's default: the member confirms with the
 * leader that it is up to date) or serializable ({@code "serializable": true}: answered from the local member's
 * copy, possibly stale).
 */
public final class EtcdStore implements Store {
    public static final String LINEARIZABLE = "linearizable";
    public static final String SERIALIZABLE = "serializable";
    /** gRPC status codes that the gateway reports in its error body. */
    private static final int DEADLINE_EXCEEDED = 4;
    private static final int UNAVAILABLE = 14;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public EtcdStore(String address, Duration timeout) {
        this.base = URI.create("http://" + address + ":2379");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** A failure the gateway answered with: its gRPC code and message. */
    static final class EtcdError extends IOException {
        final int code;

        EtcdError(int code, String message) {
            super("etcd: " + message + " (gRPC code " + code + ")");
            this.code = code;
        }
    }

    @Override
    public void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (!call("/v3/maintenance/status", JSON.createObjectNode()).join().path("leader").asText("0")
                        .equals("0")) {
                    return;
                }
            } catch (CompletionException e) {
                last = (Exception) e.getCause();
            }
            Thread.sleep(100);
        }
        throw new IOException("etcd member at " + base + " has no leader after " + limit.toSeconds() + " s"
                + (last == null ? "" : ": " + last.getMessage()));
    }

    @Override
    public boolean isLeader() {
        JsonNode status = call("/v3/maintenance/status", JSON.createObjectNode()).join();
        return status.path("leader").asText().equals(status.path("header").path("member_id").asText());
    }

    @Override
    public CompletableFuture<Answer> write(String key, String value) {
        ObjectNode body = JSON.createObjectNode().put("key", b64(key)).put("value", b64(value));
        return call("/v3/kv/put", body).thenApply(
                reply -> new Answer(null, "rev " + reply.path("header").path("revision").asText()));
    }

    @Override
    public CompletableFuture<Answer> read(String key, String mode) {
        ObjectNode body = JSON.createObjectNode().put("key", b64(key));
        if (SERIALIZABLE.equals(mode)) {
            body.put("serializable", true);
        } else if (!LINEARIZABLE.equals(mode)) {
            throw new IllegalArgumentException("etcd has no read mode '" + mode + "'");
        }
        return call("/v3/kv/range", body).thenApply(reply -> {
            JsonNode kvs = reply.path("kvs");
            if (!kvs.isArray() || kvs.isEmpty()) {
                return new Answer(null, "rev " + reply.path("header").path("revision").asText());
            }
            String value = new String(Base64.getDecoder().decode(kvs.get(0).path("value").asText("")),
                    StandardCharsets.UTF_8);
            return new Answer(value, "rev " + kvs.get(0).path("mod_revision").asText());
        });
    }

    @Override
    public List<String> readModes() {
        return List.of(LINEARIZABLE, SERIALIZABLE);
    }

    @Override
    public String errorKind(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return designbench.cap.history.Op.TIMEOUT;
        }
        if (cause instanceof ConnectException) {
            return designbench.cap.history.Op.UNAVAILABLE;
        }
        if (cause instanceof EtcdError error) {
            return switch (error.code) {
                case DEADLINE_EXCEEDED -> designbench.cap.history.Op.TIMEOUT;
                case UNAVAILABLE -> designbench.cap.history.Op.UNAVAILABLE;
                default -> designbench.cap.history.Op.ERROR;
            };
        }
        return designbench.cap.history.Op.ERROR;
    }

    private CompletableFuture<JsonNode> call(String path, ObjectNode body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            JsonNode reply;
            try {
                reply = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new CompletionException(new IOException("etcd answered HTTP " + response.statusCode()
                        + " with a body that is not JSON"));
            }
            if (response.statusCode() != 200 || reply.has("error")) {
                throw new CompletionException(new EtcdError(reply.path("code").asInt(-1),
                        reply.path("message").asText(reply.path("error").asText("HTTP " + response.statusCode()))));
            }
            return reply;
        });
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        http.close();
    }
}
