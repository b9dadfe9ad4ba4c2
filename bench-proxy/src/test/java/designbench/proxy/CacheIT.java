package designbench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.proxy.origin.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The response cache over real sockets: what it stores, what it never shares, expiry, Vary and coalescing. */
class CacheIT {

    @Test
    void aSecondIdenticalRequestIsAHitAndTheAdminEndpointCountsIt() throws Exception {
        try (Cluster c = Cluster.start(b -> { })) {
            RawHttp.Response first = c.get("/page?size=100");
            RawHttp.Response second = c.get("/page?size=100");
            assertEquals("MISS", first.header("X-Cache"));
            assertEquals("HIT", second.header("X-Cache"));
            assertEquals(first.text(), second.text());
            assertEquals(1, c.origin().requests());
            assertEquals(1.0, c.metric("designbench_proxy_cache_hits_total"));
            assertEquals(1.0, c.metric("designbench_proxy_cache_misses_total"));
        }
    }

    @Test
    void forgedForwardingHeadersNeitherReachTheOriginNorPoisonTheCacheForTheNextClient() throws Exception {
        // The attack: the origin reflects the forwarding headers it sees (echo=1) into a cacheable answer.
        String target = "/reflected?echo=1&cache=public,max-age=60";
        try (Cluster c = Cluster.start(b -> { })) {
            RawHttp.Response attacker = c.get(target, "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
                    "X-Forwarded-Port: 4443", "Forwarded: host=evil.example;proto=https", "X-Real-IP: 203.0.113.9");
            RawHttp.Response victim = c.get(target);
            assertEquals("MISS", attacker.header("X-Cache"));
            assertEquals("HIT", victim.header("X-Cache"), "the second client is served from the cache");
            for (String forged : List.of("evil.example", "https", "4443", "203.0.113.9")) {
                assertFalse(victim.text().contains(forged), forged + " reached the cached answer: " + victim.text());
            }
            RecordedRequest seen = c.origin().received().get(0);
            assertEquals("localhost", seen.headers().get("X-Forwarded-Host"), "the proxy's own value: the Host");
            assertEquals("http", seen.headers().get("X-Forwarded-Proto"));
            for (String dropped : List.of("X-Forwarded-Port", "Forwarded", "X-Real-IP")) {
                assertNull(seen.headers().get(dropped), dropped + " reached the origin");
            }
        }
    }

    @Test
    void thePrivateNoStoreAndSetCookieResponsesAreNeverServedToAnotherClient() throws Exception {
        try (Cluster c = Cluster.start(b -> { })) {
            for (String target : List.of("/private?cache=private,max-age=60", "/nostore?cache=no-store",
                    "/cookie?setcookie=1", "/nocache?cache=no-cache")) {
                RawHttp.Response first = c.get(target);
                RawHttp.Response second = c.get(target);
                assertEquals("MISS", second.header("X-Cache"), target);
                assertNotEquals(first.header("X-Origin-Request"), second.header("X-Origin-Request"), target);
            }
            assertEquals(8, c.origin().requests());
        }
    }

    @Test
    void requestsWithAuthorizationBypassTheCache() throws Exception {
        try (Cluster c = Cluster.start(b -> { })) {
            c.get("/shared?size=10");
            RawHttp.Response authorized = c.get("/shared?size=10", "Authorization: Bearer secret");
            assertNull(authorized.header("X-Cache"), "not answered from the cache");
            c.get("/mine?size=10", "Authorization: Bearer secret");
            assertEquals("MISS", c.get("/mine?size=10").header("X-Cache"), "not stored either");
            assertEquals(4, c.origin().requests());
        }
    }

    @Test
    void entriesExpireWithMaxAgeAndExpires() throws Exception {
        try (Cluster c = Cluster.start(b -> { })) {
            c.get("/short?cache=max-age=1");
            assertEquals("HIT", c.get("/short?cache=max-age=1").header("X-Cache"));
            c.get("/expires?expires=1");
            assertEquals("HIT", c.get("/expires?expires=1").header("X-Cache"));
            Thread.sleep(2100);
            assertEquals("MISS", c.get("/short?cache=max-age=1").header("X-Cache"));
            assertEquals("MISS", c.get("/expires?expires=1").header("X-Cache"));
        }
    }

    @Test
    void sMaxAgeWinsOverMaxAgeZero() throws Exception {
        try (Cluster c = Cluster.start(b -> { })) {
            c.get("/shared-only?cache=max-age=0,s-maxage=60");
            assertEquals("HIT", c.get("/shared-only?cache=max-age=0,s-maxage=60").header("X-Cache"));
        }
    }

    @Test
    void varyKeepsOneEntryPerValueOfTheNamedHeader() throws Exception {
        try (Cluster c = Cluster.start(b -> { })) {
            RawHttp.Response en = c.get("/greeting?vary=Accept-Language", "Accept-Language: en");
            RawHttp.Response fr = c.get("/greeting?vary=Accept-Language", "Accept-Language: fr");
            assertEquals("MISS", fr.header("X-Cache"), "another language is another entry");
            RawHttp.Response enAgain = c.get("/greeting?vary=Accept-Language", "Accept-Language: en");
            assertEquals("HIT", enAgain.header("X-Cache"));
            assertEquals(en.header("X-Origin-Request"), enAgain.header("X-Origin-Request"));
            assertEquals("HIT", c.get("/greeting?vary=Accept-Language", "Accept-Language: fr").header("X-Cache"));
            assertNotEquals(en.header("X-Origin-Request"), fr.header("X-Origin-Request"));
            assertEquals(2, c.origin().requests());
        }
    }

    @Test
    void aClientsNoCacheGoesToTheOrigin() throws Exception {
        try (Cluster c = Cluster.start(b -> { })) {
            c.get("/fresh?size=10");
            assertEquals("MISS", c.get("/fresh?size=10", "Cache-Control: no-cache").header("X-Cache"));
            assertEquals(2, c.origin().requests());
        }
    }

    @Test
    void aFullCacheEvictsOneOffKeysAndKeepsTheHotOne() throws Exception {
        // Room for about 8 bodies of 8 KiB; one hot key among 60 one-off keys.
        try (Cluster c = Cluster.start(b -> b.cacheBytes(80 * 1024))) {
            for (int i = 0; i < 5; i++) {
                c.get("/hot?size=8192");
            }
            for (int i = 0; i < 60; i++) {
                c.get("/cold" + i + "?size=8192");
                c.get("/hot?size=8192");
            }
            assertEquals("HIT", c.get("/hot?size=8192").header("X-Cache"), "the hot key stays");
            long coldHits = 0;
            for (int i = 0; i < 60; i++) {
                coldHits += "HIT".equals(c.get("/cold" + i + "?size=8192").header("X-Cache")) ? 1 : 0;
            }
            assertTrue(coldHits <= 10, "bounded in bytes: at most about 8 of 60 one-off bodies kept, " + coldHits);
        }
    }

    @Test
    void withTheCacheOffEveryRequestReachesTheOrigin() throws Exception {
        try (Cluster c = Cluster.start(b -> b.cacheBytes(0))) {
            for (int i = 0; i < 3; i++) {
                assertNull(c.get("/page?size=10").header("X-Cache"));
            }
            assertEquals(3, c.origin().requests());
        }
    }

    @Test
    void concurrentMissesOnOneKeyMakeOneOriginFetch() throws Exception {
        assertEquals(1, originFetchesForConcurrentMisses(true));
    }

    @Test
    void withoutCoalescingEveryConcurrentMissGoesToTheOrigin() throws Exception {
        assertEquals(8, originFetchesForConcurrentMisses(false));
    }

    private static long originFetchesForConcurrentMisses(boolean coalesce) throws Exception {
        try (Cluster c = Cluster.start(b -> b.coalesce(coalesce))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<RawHttp.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(pool.submit(() -> c.get("/stampede?delay=700&size=50")));
                }
                for (Future<RawHttp.Response> answer : answers) {
                    assertEquals(200, answer.get().status());
                    assertEquals(50, answer.get().body().length);
                }
            } finally {
                pool.shutdownNow();
            }
            return c.origin().requests();
        }
    }
}
