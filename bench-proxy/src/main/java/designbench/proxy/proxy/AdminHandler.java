package designbench.proxy.proxy;

import designbench.proxy.net.TextResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.function.Supplier;

/** The admin endpoint: {@code GET /metrics} in Prometheus text format, {@code GET /health}. */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final Supplier<byte[]> metricsExposition;
    private final String metricsContentType;

    AdminHandler(Supplier<byte[]> metricsExposition, String metricsContentType) {
        this.metricsExposition = metricsExposition;
        this.metricsContentType = metricsContentType;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        FullHttpResponse response;
        if (!request.decoderResult().isSuccess()) {
            response = TextResponse.of(HttpResponseStatus.BAD_REQUEST, "malformed request\n");
        } else if (path.equals("/metrics")) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(metricsExposition.get()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, metricsContentType);
        } else if (path.equals("/health")) {
            response = TextResponse.of(HttpResponseStatus.OK, "ok\n");
        } else {
            response = TextResponse.of(HttpResponseStatus.NOT_FOUND, "the admin endpoint has /metrics and /health\n");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        HttpUtil.setContentLength(response, response.content().readableBytes());
        TextResponse.send(ctx, response, keepAlive);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
