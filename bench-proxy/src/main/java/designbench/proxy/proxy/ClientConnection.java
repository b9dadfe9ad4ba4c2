package designbench.proxy.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One client connection, after the decoder: one {@link Exchange} at a time (pipelined requests wait their turn,
 * with reading paused), the request body's size limit and timeout, the head and idle timeouts. Each request head
 * goes down the pipeline as a new exchange; its body parts go to whichever handler took the exchange over.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private final HeadTimeout headTimeout;
    private final ProxyMetrics metrics;
    private final long maxBodyBytes;
    private final BodyDeadline bodyDeadline;
    private final ArrayDeque<HttpObject> queued = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean closing;
    /** True while queued messages are being dispatched, so an exchange that ends at once does not recurse. */
    private boolean draining;

    ClientConnection(HeadTimeout headTimeout, ProxyMetrics metrics, long maxBodyBytes, Duration bodyTimeout) {
        this.headTimeout = headTimeout;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyDeadline = new BodyDeadline(bodyTimeout);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        metrics.clientConnections.incrementAndGet();
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        metrics.clientConnections.decrementAndGet();
        bodyDeadline.cancel(); // the body, if any, will never be complete
        if (current != null) {
            current.clientGone();
            current = null;
        }
        queued.forEach(ReferenceCountUtil::release);
        queued.clear();
        context.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (closing || !(msg instanceof HttpObject http)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!queued.isEmpty() || (current != null && current.requestComplete && msg instanceof HttpRequest)) {
            queued.addLast(http);
            context.channel().config().setAutoRead(false);
            return;
        }
        dispatch(http);
    }

    private void dispatch(HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            headTimeout.headReceived();
            metrics.requests.increment();
            current = new Exchange(request, this);
            bodyDeadline.cancel(); // an earlier exchange's, if it was answered before its body ended
            if (current.hasBody) {
                Exchange receiving = current;
                bodyDeadline.start(ctx.executor(), () -> bodyDue(receiving));
            }
            ctx.fireChannelRead(current);
        } else if (msg instanceof HttpContent content) {
            if (current != null && !current.requestComplete) {
                requestContent(current, content);
            } else {
                content.release();
            }
        }
    }

    private void requestContent(Exchange exchange, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            refuseBody(exchange, RequestChecks.malformed(content.decoderResult().cause()));
            return;
        }
        exchange.bodyBytes += content.content().readableBytes();
        if (exchange.bodyBytes > maxBodyBytes) {
            content.release();
            refuseBody(exchange, new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "request body over the limit of " + maxBodyBytes + " bytes", true));
            return;
        }
        if (content instanceof LastHttpContent) {
            exchange.requestComplete = true;
            bodyDeadline.cancel();
            ctx.channel().config().setAutoRead(true);
        }
        exchange.requestContent(content);
    }

    /** A body that broke the rules: 4xx and close, or only close if the response has begun. */
    private void refuseBody(Exchange exchange, Rejection rejection) {
        exchange.abandon();
        if (exchange.responseStarted) {
            close();
        } else {
            reject(rejection);
        }
    }

    /** The body timeout of {@code exchange} expired: 408 if its body is still incomplete. */
    private void bodyDue(Exchange exchange) {
        if (exchange == current && !exchange.requestComplete && !closing) {
            refuseBody(exchange, new Rejection(HttpResponseStatus.REQUEST_TIMEOUT, "request body not complete within "
                    + bodyDeadline.timeout(), true));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt == HeadTimeout.EXPIRED && current == null && !closing) {
            reject(new Rejection(HttpResponseStatus.REQUEST_TIMEOUT, "request head not received in time", true));
        } else if (evt instanceof IdleStateEvent) {
            if (current == null || current.finished) {
                context.close();
            } else if (!current.requestComplete && !current.responseStarted) {
                refuseBody(current, new Rejection(HttpResponseStatus.REQUEST_TIMEOUT, "request body stalled", true));
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    /** Answers outside any exchange (a head too slow, a body that broke the rules) and closes. */
    private void reject(Rejection rejection) {
        FullHttpResponse response = rejection.response();
        HttpUtil.setKeepAlive(response, false);
        responded(response.status().code());
        done(writeAndFlush(response), true);
    }

    /**
     * After an exchange: close once {@code written} (or what was written before) is out, or go on with the next
     * request, queued ones first.
     */
    void done(ChannelFuture written, boolean close) {
        current = null;
        headTimeout.exchangeDone();
        if (close) {
            closing = true;
            (written != null ? written : ctx.writeAndFlush(Unpooled.EMPTY_BUFFER))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!queued.isEmpty() && !closing && (current == null || !current.requestComplete
                    || !(queued.peekFirst() instanceof HttpRequest))) {
                dispatch(queued.pollFirst());
            }
        } finally {
            draining = false;
        }
        if (queued.isEmpty() && !closing) {
            // Read on unless a new exchange is waiting for its backend connection or that connection is full.
            autoRead(current == null || current.requestComplete || current.bodyReads());
        }
    }

    /** The exchange ended without an answer of its own; the caller answers or closes. */
    void exchangeAbandoned(Exchange exchange) {
        if (current == exchange) {
            current = null;
        }
    }

    void close() {
        closing = true;
        ctx.close();
    }

    void responded(int status) {
        metrics.responded(status);
    }

    void write(Object msg) {
        ctx.write(msg);
    }

    ChannelFuture writeAndFlush(Object msg) {
        return ctx.writeAndFlush(msg);
    }

    void flush() {
        ctx.flush();
    }

    void autoRead(boolean on) {
        ctx.channel().config().setAutoRead(on);
    }

    boolean writable() {
        return ctx.channel().isWritable();
    }

    EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    String clientAddress() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : "unix";
    }
}
