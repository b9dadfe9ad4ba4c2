package designbench.proxy.proxy;

import designbench.proxy.balance.BackendGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A/B routing: the cookie {@code name=a|b} selects backend group A or B. A request without a valid one is assigned
 * a group by the configured split, and the response sets the cookie so the client stays in that group.
 */
final class AbRouting {

    /** A request's group, and the Set-Cookie value to send when it was just assigned (else null). */
    record Assignment(BackendGroup group, String label, String setCookie) {
    }

    private static final long COOKIE_MAX_AGE_SECONDS = 30L * 24 * 3600;

    private final String cookieName;
    private final int percentB;
    private final BackendGroup a;
    private final BackendGroup b;

    /** @param b null when A/B routing is off: everything goes to {@code a} and no cookie is read or set */
    AbRouting(String cookieName, int percentB, BackendGroup a, BackendGroup b) {
        this.cookieName = cookieName;
        this.percentB = percentB;
        this.a = a;
        this.b = b;
    }

    Assignment assign(HttpRequest request) {
        if (b == null) {
            return new Assignment(a, "", null);
        }
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                if (cookie.name().equals(cookieName)) {
                    if (cookie.value().equals("a")) {
                        return new Assignment(a, "a", null);
                    }
                    if (cookie.value().equals("b")) {
                        return new Assignment(b, "b", null);
                    }
                }
            }
        }
        boolean toB = ThreadLocalRandom.current().nextInt(100) < percentB;
        DefaultCookie cookie = new DefaultCookie(cookieName, toB ? "b" : "a");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(COOKIE_MAX_AGE_SECONDS);
        cookie.setSameSite(CookieHeaderNames.SameSite.Lax);
        return new Assignment(toB ? b : a, toB ? "b" : "a", ServerCookieEncoder.STRICT.encode(cookie));
    }
}
