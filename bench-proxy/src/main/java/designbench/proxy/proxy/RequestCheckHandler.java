package designbench.proxy.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Set;

/** Refuses what the decoder could not accept and what {@link RequestChecks} forbids, before any other work. */
final class RequestCheckHandler extends ChannelInboundHandlerAdapter {

    private final Set<String> serverNames;
    private final long maxBodyBytes;

    RequestCheckHandler(Set<String> serverNames, long maxBodyBytes) {
        this.serverNames = serverNames;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = (Exchange) msg;
        Rejection rejection = exchange.request.decoderResult().isFailure()
                ? RequestChecks.malformed(exchange.request.decoderResult().cause())
                : RequestChecks.check(exchange.request, serverNames, maxBodyBytes);
        if (rejection != null) {
            exchange.reject(rejection);
        } else {
            ctx.fireChannelRead(exchange);
        }
    }
}
