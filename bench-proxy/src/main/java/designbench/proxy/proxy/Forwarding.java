package designbench.proxy.proxy;

import designbench.proxy.balance.Backend;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One exchange on its way through a backend: picks the backend, writes the request on a pooled connection of the
 * client's event loop, streams the body and the response with backpressure both ways, and on failure retries once
 * or answers 502/504. Every method runs on that event loop.
 */
final class Forwarding implements BackendListener {

    private final Exchange exchange;
    private final ForwardingHandler handler;
    private final boolean idempotent;
    private final RequestBody body;
    /** The backends tried so far: one, or two after a retry. */
    private final List<Backend> tried = new ArrayList<>(2);
    private Backend backend;
    /** Whether {@link #backend} counts this exchange in flight. */
    private boolean backendHeld;
    Channel backendChannel;
    private boolean reusedConnection;
    private boolean interim;
    private boolean closeAfter;
    /** The request as it goes to the backends, made once (a retry sends it again). */
    private HttpRequest outgoing;
    private boolean backendKeepAlive;
    /** Counts what the backend did (connected, was written to, answered): {@link ForwardingHandler} watches it. */
    long backendActivity;

    Forwarding(Exchange exchange, ForwardingHandler handler) {
        this.exchange = exchange;
        this.handler = handler;
        this.idempotent = BackendFailures.idempotent(exchange.request.method().name());
        // Only an idempotent request may be sent again, so only its body is kept for that.
        this.body = new RequestBody(idempotent);
    }

    /** Takes over the body parts that came before, then sends the request to a backend. */
    void start() {
        HttpContent early;
        while ((early = exchange.takeUnclaimedBody()) != null) {
            body.add(early, exchange.bodyBytes);
        }
        forward();
    }

    private void forward() {
        backend = exchange.group.group().pick(tried);
        if (backend == null) {
            failBeforeResponse(HttpResponseStatus.BAD_GATEWAY, "no backend available");
            return;
        }
        tried.add(backend);
        backend.started();
        backendHeld = true;
        Channel pooled = handler.connections().pooled(exchange.eventLoop(), backend);
        if (pooled != null) {
            // The usual case: no pause in reading the client, since stopping and restarting reads costs two
            // epoll_ctl calls per request.
            attach(pooled);
            return;
        }
        // A new connection is on its way: the request body waits in the client's socket meanwhile.
        if (!exchange.requestComplete) {
            exchange.readBody(false);
        }
        Backend target = backend;
        Promise<Channel> connecting = handler.connections().connect(exchange.eventLoop(), target);
        connecting.addListener(f -> connected(target, connecting));
    }

    private void connected(Backend target, Promise<Channel> connecting) {
        Channel ch = connecting.getNow();
        if (exchange.finished || target != backend) {
            if (ch != null) {
                ch.close();
            }
        } else if (connecting.isSuccess()) {
            attach(ch);
        } else {
            onBackendFailure(connecting.cause());
        }
    }

    private void attach(Channel ch) {
        backendChannel = ch;
        reusedConnection = ch.attr(BackendConnections.REUSED).get() != null;
        ch.pipeline().get(BackendHandler.class).attach(this);
        ch.config().setAutoRead(exchange.clientWritable());
        if (outgoing == null) {
            outgoing = HopHeaders.forwardedRequest(exchange.request, exchange.clientAddress(),
                    exchange.cacheStore != null);
        }
        ch.write(outgoing);
        body.writePending(ch);
        ch.flush();
        backendActivity++;
        handler.watchBackend();
        exchange.readBody(exchange.requestComplete || ch.isWritable());
    }

    /** A part of the request body, owned from here on. */
    void requestContent(HttpContent content) {
        body.add(content, exchange.bodyBytes);
        if (backendChannel != null) {
            body.writePending(backendChannel);
            backendChannel.flush();
            backendActivity++;
            if (!exchange.requestComplete && !backendChannel.isWritable()) {
                exchange.readBody(false);
            }
        }
    }

    @Override
    public void onBackendReadComplete() {
        exchange.flush();
    }

    @Override
    public void onBackendWritabilityChanged(boolean writable) {
        if (!exchange.requestComplete && !exchange.finished) {
            exchange.readBody(writable);
        }
    }

    /** The client's connection can take more, or cannot: the response is read from the backend as fast. */
    void clientWritabilityChanged(boolean writable) {
        if (backendChannel != null) {
            backendChannel.config().setAutoRead(writable);
        }
    }

    @Override
    public void onResponse(HttpObject message) {
        if (exchange.finished) {
            ReferenceCountUtil.release(message);
            return;
        }
        backendActivity++;
        if (message.decoderResult().isFailure()) {
            // A malformed head, chunk or trailer: never passed on as if the response were whole.
            Throwable cause = message.decoderResult().cause();
            ReferenceCountUtil.release(message);
            onBackendFailure(cause);
            return;
        }
        if (message instanceof HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                interim = true;
            } else {
                responseHead(response);
            }
        }
        if (message instanceof HttpContent content) {
            if (interim) {
                content.release();
                interim = !(content instanceof LastHttpContent);
            } else {
                responseContent(content);
            }
        }
    }

    private void responseHead(HttpResponse response) {
        backendKeepAlive = HttpUtil.isKeepAlive(response);
        HttpRequest request = exchange.request;
        if (exchange.cacheStore != null) {
            exchange.cacheStore.responseHead(request, response); // copies what it keeps
        }
        HttpResponse out = HopHeaders.forwardedResponse(response);
        if (exchange.cacheStore != null) {
            out.headers().set("X-Cache", "MISS");
        }
        if (exchange.group.setCookie() != null) {
            out.headers().add(HttpHeaderNames.SET_COOKIE, exchange.group.setCookie());
        }
        int code = response.status().code();
        boolean bodyless = request.method().equals(HttpMethod.HEAD) || code == 204 || code == 304;
        if (!bodyless && !HttpUtil.isContentLengthSet(response)) {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                HttpUtil.setTransferEncodingChunked(out, true);
            } else {
                closeAfter = true;
            }
        }
        exchange.sendHead(out, exchange.keepAlive && !closeAfter);
    }

    private void responseContent(HttpContent content) {
        if (exchange.cacheStore != null) {
            exchange.cacheStore.content(content.content());
        }
        exchange.sendContent(content);
        if (content instanceof LastHttpContent) {
            exchange.flush();
            complete();
        } else if (!exchange.clientWritable() && backendChannel != null) {
            backendChannel.config().setAutoRead(false);
        }
    }

    private void complete() {
        Channel ch = detach();
        ch.config().setAutoRead(true);
        if (backendKeepAlive && exchange.requestComplete) {
            handler.connections().release(ch, backend);
        } else {
            ch.close();
        }
        if (exchange.cacheStore != null) {
            exchange.cacheStore.complete(exchange.request);
        }
        body.release();
        // A backend that answered before the whole body was sent: the connection closes after the answer, since the
        // rest of the body would otherwise have to be read and dropped.
        exchange.completed(closeAfter || !exchange.keepAlive || !exchange.requestComplete);
    }

    @Override
    public void onBackendFailure(Throwable cause) {
        if (exchange.finished) {
            return;
        }
        Channel ch = detach();
        if (ch != null) {
            ch.close();
        }
        boolean timeout = cause instanceof TimeoutException;
        if (BackendFailures.takesOutOfRotation(timeout, exchange.responseStarted, exchange.requestComplete,
                reusedConnection)) {
            backend.failed();
        } else {
            backend.errored();
        }
        reusedConnection = false;
        if (exchange.cacheStore != null) {
            exchange.cacheStore.dropCopy();
        }
        if (exchange.responseStarted) {
            body.release();
            exchange.closeConnection();
            return;
        }
        boolean bodyKept = !exchange.hasBody || (body.kept() && exchange.requestComplete);
        if (BackendFailures.mayRetry(exchange.responseStarted, idempotent, bodyKept, tried.size(),
                exchange.group.group().pick(tried) != null)) {
            handler.retried();
            body.rewind();
            forward();
            return;
        }
        failBeforeResponse(timeout ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY,
                "backend " + backend + " failed: " + cause.getMessage());
    }

    private void failBeforeResponse(HttpResponseStatus status, String reason) {
        body.release();
        boolean close = !exchange.requestComplete || !exchange.keepAlive;
        exchange.reject(new Rejection(status, reason, close));
    }

    /** The client went away or the exchange was given up: the backend connection (maybe mid-response) goes too. */
    void clientGone() {
        Channel ch = detach();
        if (ch != null) {
            ch.close();
        }
        body.release();
    }

    /** Lets go of the backend connection and of the backend's in-flight count; returns the connection, if any. */
    private Channel detach() {
        Channel ch = backendChannel;
        backendChannel = null;
        if (ch != null) {
            ch.pipeline().get(BackendHandler.class).detach();
        }
        if (backendHeld) {
            backendHeld = false;
            backend.finished();
        }
        return ch;
    }
}
