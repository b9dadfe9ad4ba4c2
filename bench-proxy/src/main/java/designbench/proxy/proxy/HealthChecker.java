package designbench.proxy.proxy;

import designbench.proxy.balance.Backend;
import designbench.proxy.net.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Active health checks: every interval, a GET of the health path on a fresh connection to each backend. A 2xx or
 * 3xx answer in time puts the backend in rotation (probing a failed one back in); anything else takes it out.
 */
final class HealthChecker implements AutoCloseable {

    private final EventLoopGroup group;
    private final List<Backend> backends;
    private final String path;
    private final Duration timeout;
    private final ScheduledFuture<?> schedule;

    HealthChecker(EventLoopGroup group, List<Backend> backends, String path, Duration interval,
                  Duration connectTimeout) {
        this.group = group;
        this.backends = backends;
        this.path = path;
        this.timeout = interval.compareTo(connectTimeout) > 0 ? interval : connectTimeout;
        this.schedule = group.next().scheduleAtFixedRate(this::checkAll, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkAll() {
        for (Backend backend : backends) {
            check(backend);
        }
    }

    private void check(Backend backend) {
        new Bootstrap()
                .group(group)
                .channel(Transports.clientChannel(backend.address()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(timeout.toMillis(), TimeUnit.MILLISECONDS),
                                new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    private boolean answered;

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                                        answered = true;
                                        if (r.status().code() < 400) {
                                            backend.markUp();
                                        } else {
                                            backend.markDown();
                                        }
                                        ctx.close();
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        if (!answered) {
                                            backend.markDown();
                                        }
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                })
                .connect(backend.address().socketAddress())
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        backend.markDown();
                        return;
                    }
                    Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
                    DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                            path);
                    request.headers().set(HttpHeaderNames.HOST, "health-check");
                    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    request.headers().set(HttpHeaderNames.USER_AGENT, "designbench-proxy-health-check");
                    ch.writeAndFlush(request);
                });
    }

    @Override
    public void close() {
        schedule.cancel(false);
    }
}
