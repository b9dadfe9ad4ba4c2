package designbench.proxy.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * The last handler of a pooled backend connection: passes the response to the exchange using the connection, if
 * any. An idle pooled connection that receives anything, or stays idle too long, is closed.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {

    private BackendListener listener;

    void attach(BackendListener newListener) {
        this.listener = newListener;
    }

    void detach() {
        this.listener = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        BackendListener l = listener;
        if (l != null && msg instanceof HttpObject http) {
            l.onResponse(http);
        } else {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        BackendListener l = listener;
        if (l != null) {
            l.onBackendReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new IOException("backend closed the connection"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
        ctx.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        BackendListener l = listener;
        if (l != null) {
            l.onBackendWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE && listener == null) {
            ctx.close();
        }
    }

    private void fail(Throwable cause) {
        BackendListener l = listener;
        listener = null;
        if (l != null) {
            l.onBackendFailure(cause);
        }
    }
}
