package designbench.proxy.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Puts the request in backend group A or B ({@link AbRouting}); with A/B routing off, everything is in A. */
final class AbGroupHandler extends ChannelInboundHandlerAdapter {

    private final AbRouting routing;

    AbGroupHandler(AbRouting routing) {
        this.routing = routing;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = (Exchange) msg;
        exchange.group = routing.assign(exchange.request);
        ctx.fireChannelRead(exchange);
    }
}
