package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.proxy.cache.CachePolicy;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The cache's storage rules, as logic. */
class CachePolicyTest {

    private static final long NOW = 1_700_000_000_000L;
    private final CachePolicy policy = new CachePolicy(false, false);

    @ParameterizedTest(name = "Cache-Control: {0} -> {1} s")
    @CsvSource(delimiter = '|', value = {
        "max-age=60 | 60",
        "public, max-age=60 | 60",
        "max-age=0, s-maxage=30 | 30",
        "s-maxage=30, max-age=600 | 30",
        "max-age=0 | -1",
        "max-age=abc | -1",
        "no-store, max-age=60 | -1",
        "private, max-age=60 | -1",
        "private=\"Set-Cookie\", max-age=60 | -1",
        "no-cache, max-age=60 | -1",
        "MAX-AGE=5 | 5"})
    void freshnessFromCacheControl(String cacheControl, long seconds) {
        HttpResponse response = response();
        response.headers().set("Cache-Control", cacheControl);
        Duration fresh = policy.freshness(get(), response, NOW);
        assertEquals(seconds, fresh == null ? -1 : fresh.toSeconds());
    }

    @Test
    void freshnessFromExpiresRelativeToDate() {
        HttpResponse response = response();
        response.headers().set("Date", DateFormatter.format(new Date(NOW - 10_000)));
        response.headers().set("Expires", DateFormatter.format(new Date(NOW + 50_000)));
        assertEquals(60, policy.freshness(get(), response, NOW).toSeconds());
        response.headers().set("Expires", "0");
        assertNull(policy.freshness(get(), response, NOW), "an invalid Expires means already expired");
    }

    @Test
    void neverStoresSetCookieOrAuthorizedOrVaryStarOrWithoutFreshness() {
        HttpResponse cookie = response();
        cookie.headers().set("Cache-Control", "max-age=60").set("Set-Cookie", "a=b");
        assertNull(policy.freshness(get(), cookie, NOW));
        assertEquals(60, new CachePolicy(false, true).freshness(get(), cookie, NOW).toSeconds());

        HttpRequest authorized = get();
        authorized.headers().set("Authorization", "Bearer x");
        HttpResponse ok = response();
        ok.headers().set("Cache-Control", "max-age=60");
        assertFalse(policy.cacheable(authorized));
        assertNull(policy.freshness(authorized, ok, NOW));
        assertTrue(new CachePolicy(true, false).cacheable(authorized));

        HttpResponse star = response();
        star.headers().set("Cache-Control", "max-age=60").set("Vary", "*");
        assertNull(policy.freshness(get(), star, NOW));
        assertNull(policy.freshness(get(), response(), NOW), "no heuristic freshness");
    }

    @Test
    void onlyGetIsCachedAndClientsCanAskToBypass() {
        assertFalse(policy.cacheable(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/")));
        HttpRequest noCache = get();
        noCache.headers().set("Cache-Control", "no-cache");
        assertFalse(policy.mayServe(noCache));
        HttpRequest pragma = get();
        pragma.headers().set("Pragma", "no-cache");
        assertFalse(policy.mayServe(pragma));
        HttpRequest noStore = get();
        noStore.headers().set("Cache-Control", "no-store");
        assertFalse(policy.cacheable(noStore));
    }

    @Test
    void varyNamesAreLowerCaseAndUnique() {
        HttpResponse response = response();
        response.headers().add("Vary", "Accept-Encoding, accept-language").add("Vary", "ACCEPT-ENCODING");
        assertEquals(List.of("accept-encoding", "accept-language"), CachePolicy.varyNames(response.headers()));
    }

    private static HttpRequest get() {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/x");
    }

    private static HttpResponse response() {
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    }
}
