package designbench.proxy.cache;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hc.core5.http.HeaderElement;
import org.apache.hc.core5.http.message.BasicHeaderValueParser;
import org.apache.hc.core5.http.message.ParserCursor;

/**
 * What a shared cache may store and serve (RFC 9111), conservatively: only GET; only responses with explicit
 * freshness (s-maxage, max-age or Expires), no heuristic freshness and no revalidation, so {@code no-cache}
 * responses are not stored. Never stores {@code no-store} or {@code private} responses, responses with Set-Cookie,
 * or responses to requests with Authorization, unless configured to for the last two.
 */
public final class CachePolicy {

    private static final Set<Integer> STORABLE_STATUSES = Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414,
            501);

    private final boolean storeAuthorized;
    private final boolean storeSetCookie;

    public CachePolicy(boolean storeAuthorized, boolean storeSetCookie) {
        this.storeAuthorized = storeAuthorized;
        this.storeSetCookie = storeSetCookie;
    }

    /** Whether the cache takes part in this request at all (store or serve). */
    public boolean cacheable(HttpRequest request) {
        if (!request.method().equals(HttpMethod.GET)) {
            return false;
        }
        if (!storeAuthorized && request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
            return false;
        }
        return !directives(request.headers()).containsKey("no-store");
    }

    /** Whether a stored response may answer this request; false when the client asks to go to the origin. */
    public boolean mayServe(HttpRequest request) {
        Map<String, String> cc = directives(request.headers());
        if (cc.containsKey("no-cache") || "0".equals(cc.get("max-age"))) {
            return false;
        }
        String pragma = request.headers().get(HttpHeaderNames.PRAGMA);
        return pragma == null || !pragma.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    /** How long the response may be served from the cache; null when it must not be stored. */
    public Duration freshness(HttpRequest request, HttpResponse response, long nowMillis) {
        if (!cacheable(request) || !STORABLE_STATUSES.contains(response.status().code())) {
            return null;
        }
        HttpHeaders headers = response.headers();
        if (!storeSetCookie && headers.contains(HttpHeaderNames.SET_COOKIE)) {
            return null;
        }
        if (varyNames(headers) == null) {
            return null;
        }
        Map<String, String> cc = directives(headers);
        if (cc.containsKey("no-store") || cc.containsKey("private") || cc.containsKey("no-cache")) {
            return null;
        }
        Long seconds = seconds(cc.get("s-maxage"));
        if (seconds == null) {
            seconds = seconds(cc.get("max-age"));
        }
        if (seconds != null) {
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        }
        String expires = headers.get(HttpHeaderNames.EXPIRES);
        if (expires == null) {
            return null;
        }
        Date expiry = DateFormatter.parseHttpDate(expires);
        if (expiry == null) {
            return null;
        }
        Date date = headers.contains(HttpHeaderNames.DATE) ? DateFormatter.parseHttpDate(headers.get(HttpHeaderNames.DATE))
                : null;
        long base = date == null ? nowMillis : date.getTime();
        long millis = expiry.getTime() - base;
        return millis > 0 ? Duration.ofMillis(millis) : null;
    }

    /**
     * The request header names a response varies on, lower case, in order; empty when none; null for
     * {@code Vary: *}, which no stored response can match.
     */
    public static java.util.List<String> varyNames(HttpHeaders headers) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String vary : headers.getAll(HttpHeaderNames.VARY)) {
            for (HeaderElement element : parse(vary)) {
                String name = element.getName().toLowerCase(Locale.ROOT);
                if (name.equals("*")) {
                    return null;
                }
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Map<String, String> directives(HttpHeaders headers) {
        Map<String, String> directives = new HashMap<>();
        for (String value : headers.getAll(HttpHeaderNames.CACHE_CONTROL)) {
            for (HeaderElement element : parse(value)) {
                directives.putIfAbsent(element.getName().toLowerCase(Locale.ROOT), element.getValue());
            }
        }
        return directives;
    }

    private static HeaderElement[] parse(String value) {
        return BasicHeaderValueParser.INSTANCE.parseElements(value, new ParserCursor(0, value.length()));
    }

    private static Long seconds(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0L;
        }
    }
}
