package designbench.proxy;

import designbench.proxy.net.Address;
import designbench.proxy.net.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client that writes raw bytes (well-formed or not) over a real connection and decodes the responses with
 * Netty's response decoder: one tool for ordinary requests, malformed ones and watching the connection close.
 */
final class RawHttp implements AutoCloseable {

    /** A whole response as received. */
    record Response(int status, HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final EventLoopGroup GROUP = Transports.newGroup(1);

    private final Channel channel;
    private final LinkedBlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private RawHttp(Address address) throws InterruptedException {
        this.channel = new Bootstrap().group(GROUP).channel(Transports.clientChannel(address))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(64 << 20),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                                        responses.add(new Response(r.status().code(), r.headers().copy(),
                                                ByteBufUtil.getBytes(r.content())));
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        closed.complete(null);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                })
                .connect(address.socketAddress()).sync().channel();
    }

    static RawHttp connect(Address address) throws InterruptedException {
        return new RawHttp(address);
    }

    /** One GET on a new connection; extra header lines as "Name: value". */
    static Response get(Address address, String target, String... headers) throws Exception {
        try (RawHttp http = connect(address)) {
            http.send(request("GET", target, headers));
            return http.next();
        }
    }

    static String request(String method, String target, String... headers) {
        StringBuilder s = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        return s.append("\r\n").toString();
    }

    RawHttp send(String raw) {
        channel.writeAndFlush(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1)).syncUninterruptibly();
        return this;
    }

    RawHttp send(byte[] raw) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(raw)).syncUninterruptibly();
        return this;
    }

    /** Sends without waiting for the write, so a connection the other side closed meanwhile is no error. */
    RawHttp sendIfOpen(String raw) {
        channel.writeAndFlush(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
        return this;
    }

    /** The next response, or null if the connection closed (or nothing came within {@link #WAIT}). */
    Response next() throws InterruptedException {
        return nextWithin(WAIT);
    }

    /** The next response, or null if the connection closed or nothing came within {@code wait}. */
    Response nextWithin(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Response r = responses.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                return r;
            }
            if (closed.isDone()) {
                return responses.poll();
            }
        }
        return null;
    }

    /** Whether the other side closed the connection within {@code wait}. */
    boolean closedWithin(Duration wait) {
        try {
            closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
