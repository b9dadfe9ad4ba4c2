package designbench.proxy.origin;

import designbench.proxy.net.TextResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Answers one request at a time per connection. Query parameters override the configuration per request:
 * <ul>
 *   <li>{@code size=N} body bytes; {@code delay=MS} added latency; {@code chunked=1} chunked transfer coding</li>
 *   <li>{@code cache=VALUE} the Cache-Control value as given; {@code expires=S} an Expires header S seconds ahead;
 *       {@code vary=NAME} a Vary header; {@code setcookie=1} a Set-Cookie header</li>
 *   <li>{@code fail=stall|die|close}: never answer; send half the body and close; close without answering</li>
 *   <li>{@code pause=MS}: send the headers and half the body, wait, then the rest</li>
 *   <li>{@code echo=1}: the body is JSON of the request as received (method, uri, headers, body size)</li>
 *   <li>{@code close=1}: {@code Connection: close}, and the connection ends after the answer</li>
 * </ul>
 * {@code /health} always answers 200 (unless the origin refuses connections).
 */
final class OriginHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 8192;

    private final OriginServer server;

    OriginHandler(OriginServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        server.connectionOpened();
        if (server.config().fault() == OriginConfig.Fault.REFUSE) {
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        OriginConfig config = server.config();
        long number = server.record(new RecordedRequest(request.method().name(), request.uri(), request.headers().copy(),
                request.content().readableBytes()));
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        Map<String, List<String>> params = query.parameters();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !params.containsKey("close");
        if (query.path().equals("/health")) {
            TextResponse.send(ctx, TextResponse.of(HttpResponseStatus.OK, "ok\n"), keepAlive);
            return;
        }
        String fail = param(params, "fail", config.fault() == OriginConfig.Fault.STALL ? "stall"
                : config.fault() == OriginConfig.Fault.DIE_MID_BODY ? "die" : "");
        switch (fail) {
            case "stall" -> {
                return;
            }
            case "close" -> {
                ctx.close();
                return;
            }
            default -> {
            }
        }
        int size = Integer.parseInt(param(params, "size", Integer.toString(config.responseBytes())));
        double delay = Double.parseDouble(param(params, "delay", Double.toString(config.latencyMillis())));
        if (config.exponential() && !params.containsKey("delay") && delay > 0) {
            delay = -delay * Math.log(1 - ThreadLocalRandom.current().nextDouble());
        }
        // What an answer needs of the request is taken now: the request itself is released when this returns.
        byte[] echo = params.containsKey("echo") ? echo(request) : null;
        Runnable answer = () -> answer(ctx, number, echo, query, size, fail.equals("die"), keepAlive);
        long micros = Math.max((long) (delay * 1000), server.stallLeftNanos() / 1000);
        if (micros > 0) {
            ctx.executor().schedule(answer, micros, TimeUnit.MICROSECONDS);
        } else {
            answer.run();
        }
    }

    private void answer(ChannelHandlerContext ctx, long number, byte[] echo, QueryStringDecoder query, int size,
                        boolean die, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return;
        }
        Map<String, List<String>> params = query.parameters();
        ByteBuf body = echo != null ? Unpooled.wrappedBuffer(echo) : Bodies.of(size);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, params.containsKey("echo")
                ? HttpHeaderValues.APPLICATION_JSON : HttpHeaderValues.APPLICATION_OCTET_STREAM);
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, param(params, "cache", defaultCacheControl(query.path())));
        if (params.containsKey("expires")) {
            long at = System.currentTimeMillis() + 1000L * Long.parseLong(param(params, "expires", "0"));
            head.headers().set(HttpHeaderNames.EXPIRES, new java.util.Date(at));
            head.headers().remove(HttpHeaderNames.CACHE_CONTROL);
        }
        if (params.containsKey("vary")) {
            head.headers().set(HttpHeaderNames.VARY, param(params, "vary", ""));
        }
        if (params.containsKey("setcookie")) {
            head.headers().set(HttpHeaderNames.SET_COOKIE, "session=" + server.requests() + "; Path=/");
        }
        head.headers().set("X-Origin", server.config().name());
        // Numbered at receipt: responses that share one origin fetch (a coalesced miss) share its number.
        head.headers().set("X-Origin-Request", number);
        boolean chunked = params.containsKey("chunked");
        if (chunked) {
            HttpUtil.setTransferEncodingChunked(head, true);
        } else {
            HttpUtil.setContentLength(head, body.readableBytes());
        }
        HttpUtil.setKeepAlive(head, keepAlive);
        if (die) {
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttpContent(body.readRetainedSlice(body.readableBytes() / 2)))
                    .addListener(ChannelFutureListener.CLOSE);
            body.release();
            return;
        }
        long pause = Long.parseLong(param(params, "pause", "0"));
        ctx.write(head);
        if (pause > 0) {
            ctx.writeAndFlush(new DefaultHttpContent(body.readRetainedSlice(body.readableBytes() / 2)));
            ctx.executor().schedule(() -> finish(ctx, body, keepAlive), pause, TimeUnit.MILLISECONDS);
        } else {
            finish(ctx, body, keepAlive);
        }
    }

    /** Writes the rest of the body in chunks as the channel takes them, then the end of the message. */
    private void finish(ChannelHandlerContext ctx, ByteBuf body, boolean keepAlive) {
        while (body.readableBytes() > 0) {
            int n = Math.min(CHUNK, body.readableBytes());
            ctx.write(new DefaultHttpContent(body.readRetainedSlice(n))).addListener(f -> {
                if (f.isSuccess()) {
                    server.sent(n);
                }
            });
        }
        body.release();
        var done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private String defaultCacheControl(String path) {
        int bucket = Math.floorMod(path.hashCode(), 100);
        return bucket < server.config().cacheablePercent()
                ? "public, max-age=" + server.config().maxAgeSeconds() : "no-store";
    }

    private static byte[] echo(FullHttpRequest request) {
        ObjectNode json = JSON.createObjectNode();
        json.put("method", request.method().name());
        json.put("uri", request.uri());
        ArrayNode headers = json.putArray("headers");
        request.headers().forEach(h -> headers.addArray().add(h.getKey()).add(h.getValue()));
        json.put("bodyBytes", request.content().readableBytes());
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String param(Map<String, List<String>> params, String name, String otherwise) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
