package designbench.proxy.proxy;

import designbench.proxy.balance.Backend;
import designbench.proxy.cache.CachePolicy;
import designbench.proxy.cache.CachedResponse;
import designbench.proxy.net.TextResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderValues;
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
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: decodes requests one at a time (pipelined ones wait their turn), answers what the proxy
 * answers itself (errors, rate limits, static files, cache hits) and forwards the rest to a backend over a pooled
 * connection of the same event loop, streaming bodies both ways with backpressure.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {

    /** Request bodies up to this size are kept so an idempotent request can be retried on another backend. */
    static final int RETRY_BODY_LIMIT = 64 * 1024;

    private final ProxyServer proxy;
    private final HeadTimeout headTimeout;
    private final ArrayDeque<HttpObject> queued = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean closing;
    private boolean clientHttp10;
    private ScheduledFuture<?> backendWatch;
    /** Due when the current request's body must be complete (--body-timeout); null when none is being received. */
    private ScheduledFuture<?> bodyWatch;

    FrontendHandler(ProxyServer proxy, HeadTimeout headTimeout) {
        this.proxy = proxy;
        this.headTimeout = headTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        proxy.metrics().clientConnections.incrementAndGet();
        context.fireChannelActive();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        proxy.metrics().clientConnections.decrementAndGet();
        if (backendWatch != null) {
            backendWatch.cancel(false);
            backendWatch = null;
        }
        bodyReceived(); // or never will be: the watch goes either way
        if (current != null) {
            current.clientGone();
            current = null;
        }
        queued.forEach(ReferenceCountUtil::release);
        queued.clear();
    }

    /**
     * Watches the backend of the current exchange for silence. One timer per client connection serves all its
     * exchanges: it looks at whichever exchange is current when it fires and schedules itself again only while that
     * exchange waits on a backend, so a request neither schedules nor cancels a task of its own (a priority-queue
     * insert and removal each).
     */
    private void watchBackend(long nanos) {
        if (backendWatch == null) {
            backendWatch = ctx.executor().schedule(this::checkBackend, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkBackend() {
        backendWatch = null;
        Exchange exchange = current;
        if (exchange == null || exchange.finished || exchange.backendChannel == null) {
            return;
        }
        long limit = proxy.config().backendTimeout().toNanos();
        long idle = System.nanoTime() - exchange.lastBackendActivity;
        if (!ctx.channel().isWritable()) {
            // The client is slow to read, so the backend is held back on purpose: not its silence.
            exchange.lastBackendActivity = System.nanoTime();
            watchBackend(limit);
        } else if (idle < limit) {
            watchBackend(limit - idle);
        } else {
            exchange.onBackendFailure(new java.util.concurrent.TimeoutException("backend silent for "
                    + Duration.ofNanos(limit)));
        }
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
            startRequest(request);
        } else if (msg instanceof HttpContent content) {
            if (current != null && !current.requestComplete) {
                current.requestContent(content);
            } else {
                content.release();
            }
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
                current.abandon();
                reject(new Rejection(HttpResponseStatus.REQUEST_TIMEOUT, "request body stalled", true));
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (current != null && current.backendChannel != null) {
            current.backendChannel.config().setAutoRead(context.channel().isWritable());
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    private void startRequest(HttpRequest request) {
        headTimeout.headReceived();
        clientHttp10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        ProxyMetrics metrics = proxy.metrics();
        metrics.requests.increment();
        if (request.decoderResult().isFailure()) {
            reject(RequestChecks.malformed(request.decoderResult().cause()));
            return;
        }
        ProxyConfig config = proxy.config();
        Rejection rejection = RequestChecks.check(request, config.serverNames(), config.maxBodyBytes());
        if (rejection != null) {
            reject(rejection);
            return;
        }
        boolean hasBody = RequestChecks.hasBody(request);
        if (proxy.rateLimiter() != null) {
            long retryAfter = proxy.rateLimiter().tryAcquire(clientAddress());
            if (retryAfter > 0) {
                metrics.rateLimited.increment();
                FullHttpResponse response = text(HttpResponseStatus.TOO_MANY_REQUESTS, "rate limit exceeded");
                response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
                send(response, hasBody || !HttpUtil.isKeepAlive(request));
                return;
            }
        }
        if (proxy.staticFiles() != null && proxy.staticFiles().matches(request)) {
            serveStatic(request, hasBody);
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        request.headers().remove(HttpHeaderNames.EXPECT);
        current = new Exchange(request, hasBody, proxy.routing().assign(request));
        if (hasBody && !config.bodyTimeout().isZero()) {
            Exchange receiving = current;
            bodyWatch = ctx.executor().schedule(() -> bodyDue(receiving), config.bodyTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        current.begin();
    }

    /** The body timeout of {@code exchange} expired: 408 if its body is still incomplete and nothing was answered. */
    private void bodyDue(Exchange exchange) {
        bodyWatch = null;
        if (exchange != current || exchange.requestComplete || closing) {
            return;
        }
        exchange.abandon();
        if (exchange.responseStarted) {
            closing = true;
            ctx.close();
        } else {
            reject(new Rejection(HttpResponseStatus.REQUEST_TIMEOUT, "request body not complete within "
                    + proxy.config().bodyTimeout(), true));
        }
    }

    /** The current request's body is complete (or the client gone): its body timeout no longer applies. */
    private void bodyReceived() {
        if (bodyWatch != null) {
            bodyWatch.cancel(false);
            bodyWatch = null;
        }
    }

    private void serveStatic(HttpRequest request, boolean hasBody) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !hasBody;
        StaticFiles.Answer answer = proxy.staticFiles().answer(request);
        if (answer instanceof StaticFiles.Refused refused) {
            Rejection r = refused.rejection();
            reject(new Rejection(r.status(), r.reason(), !keepAlive));
        } else if (answer instanceof StaticFiles.NotModified notModified) {
            HttpResponse response = notModified.response();
            setKeepAlive(response, keepAlive);
            proxy.metrics().responded(response.status().code());
            ctx.write(response);
            finishLocal(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
        } else if (answer instanceof StaticFiles.FileAnswer file) {
            HttpResponse response = file.response();
            setKeepAlive(response, keepAlive);
            proxy.metrics().responded(response.status().code());
            if (file.head()) {
                ctx.write(response);
                finishLocal(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
                return;
            }
            try {
                HttpChunkedInput body = new HttpChunkedInput(new ChunkedNioFile(FileChannel.open(file.file()), 0,
                        file.size(), 64 * 1024));
                ctx.write(response);
                finishLocal(ctx.writeAndFlush(body), keepAlive);
            } catch (IOException e) {
                reject(new Rejection(HttpResponseStatus.NOT_FOUND, "file cannot be read", !keepAlive));
            }
        }
    }

    private void finishLocal(io.netty.channel.ChannelFuture written, boolean keepAlive) {
        headTimeout.exchangeDone();
        if (!keepAlive) {
            closing = true;
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void reject(Rejection rejection) {
        FullHttpResponse response = rejectionResponse(rejection);
        send(response, rejection.close());
    }

    private FullHttpResponse rejectionResponse(Rejection rejection) {
        FullHttpResponse response = text(rejection.status(), rejection.reason());
        if (rejection.status().equals(HttpResponseStatus.METHOD_NOT_ALLOWED)) {
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
        }
        return response;
    }

    /** Sets the connection header for the client: HTTP/1.0 clients need an explicit keep-alive. */
    private void setKeepAlive(HttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive && clientHttp10) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private void send(FullHttpResponse response, boolean close) {
        setKeepAlive(response, !close);
        proxy.metrics().responded(response.status().code());
        finishLocal(ctx.writeAndFlush(response), !close);
    }

    private static FullHttpResponse text(HttpResponseStatus status, String message) {
        return TextResponse.of(status, status + ": " + message + "\n");
    }

    private String clientAddress() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : "unix";
    }

    /** After an exchange: close, or go on with the next request (queued ones first). */
    private void exchangeDone(boolean close) {
        current = null;
        headTimeout.exchangeDone();
        if (close) {
            closing = true;
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        while (!queued.isEmpty() && !closing && (current == null || !current.requestComplete
                || !(queued.peekFirst() instanceof HttpRequest))) {
            dispatch(queued.pollFirst());
        }
        if (queued.isEmpty() && !closing) {
            // Read on unless a new exchange is waiting for its backend connection or that connection is full.
            boolean read = current == null || current.requestComplete
                    || (current.backendChannel != null && current.backendChannel.isWritable());
            ctx.channel().config().setAutoRead(read);
        }
    }

    /** One forwarded request and its response. Every method runs on the client connection's event loop. */
    private final class Exchange implements BackendListener {
        final HttpRequest request;
        final boolean hasBody;
        final AbRouting.Assignment group;
        final boolean idempotent;
        final boolean keepAlive;
        final Set<Backend> tried = new HashSet<>();
        final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
        List<HttpContent> bodyCopy = new ArrayList<>();
        boolean requestComplete;
        long bodyBytes;
        Backend backend;
        Channel backendChannel;
        boolean responseStarted;
        boolean interim;
        boolean finished;
        boolean closeAfter;
        HttpResponse backendResponse;
        String cacheKey;
        boolean leader;
        CacheFill fill;
        long lastBackendActivity;
        boolean reusedConnection;

        Exchange(HttpRequest request, boolean hasBody, AbRouting.Assignment group) {
            this.request = request;
            this.hasBody = hasBody;
            this.group = group;
            HttpMethod m = request.method();
            this.idempotent = m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD) || m.equals(HttpMethod.PUT)
                    || m.equals(HttpMethod.DELETE) || m.equals(HttpMethod.OPTIONS) || m.equals(HttpMethod.TRACE);
            this.keepAlive = HttpUtil.isKeepAlive(request);
            if (!idempotent) {
                bodyCopy = null;
            }
        }

        void begin() {
            CachePolicy policy = proxy.cachePolicy();
            if (proxy.cache() != null && !hasBody && policy.cacheable(request)) {
                String host = request.headers().get(HttpHeaderNames.HOST, "");
                cacheKey = request.method() + " " + host.toLowerCase(java.util.Locale.ROOT) + " " + request.uri()
                        + " " + group.label();
                if (policy.mayServe(request)) {
                    CachedResponse hit = proxy.cache().lookup(cacheKey, request.headers(), System.currentTimeMillis());
                    if (hit != null) {
                        proxy.metrics().cacheHits.increment();
                        serveFromCache(hit);
                        return;
                    }
                }
                proxy.metrics().cacheMisses.increment();
                if (proxy.config().coalesce() && policy.mayServe(request)) {
                    if (proxy.cache().lead(cacheKey)) {
                        leader = true;
                    } else if (proxy.cache().await(cacheKey, () -> ctx.executor().execute(this::afterWait))) {
                        ctx.channel().config().setAutoRead(false);
                        return;
                    }
                }
            }
            forward();
        }

        /** The fetch this request waited for has finished: answer from the cache, or fetch after all. */
        private void afterWait() {
            if (finished) {
                return;
            }
            CachedResponse hit = proxy.cache().lookup(cacheKey, request.headers(), System.currentTimeMillis());
            if (hit != null) {
                proxy.metrics().cacheCoalesced.increment();
                serveFromCache(hit);
            } else {
                forward();
            }
        }

        private void serveFromCache(CachedResponse hit) {
            finished = true;
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, hit.status(),
                    Unpooled.wrappedBuffer(hit.body()));
            response.headers().set(hit.headers());
            long now = System.currentTimeMillis();
            response.headers().set(HttpHeaderNames.AGE, hit.ageSeconds(now));
            response.headers().set("X-Cache", "HIT");
            HopHeaders.addVia(response.headers());
            if (group.setCookie() != null) {
                response.headers().add(HttpHeaderNames.SET_COOKIE, group.setCookie());
            }
            HttpUtil.setContentLength(response, hit.body().length);
            setKeepAlive(response, keepAlive);
            proxy.metrics().responded(hit.status().code());
            releaseBody();
            // A cached answer needs no request body: a GET's (empty) end may still be on its way, so wait for it.
            if (requestComplete || !keepAlive) {
                ctx.writeAndFlush(response);
                exchangeDone(!keepAlive);
            } else {
                ctx.writeAndFlush(response);
                awaitingEndOfRequest = true;
                ctx.channel().config().setAutoRead(true);
            }
        }

        boolean awaitingEndOfRequest;

        private void forward() {
            backend = group.group().pick(tried);
            if (backend == null) {
                failBeforeResponse(HttpResponseStatus.BAD_GATEWAY, "no backend available");
                return;
            }
            tried.add(backend);
            backend.started();
            Backend target = backend;
            Promise<Channel> acquired = proxy.connections().acquire(ctx.channel().eventLoop(), target);
            if (acquired.isDone()) {
                // A pooled connection (the usual case): no pause in reading the client, since stopping and
                // restarting reads costs two epoll_ctl calls per request.
                acquired(target, acquired);
                return;
            }
            // A new connection is on its way: the request body waits in the client's socket meanwhile.
            if (!requestComplete) {
                ctx.channel().config().setAutoRead(false);
            }
            acquired.addListener(f -> acquired(target, acquired));
        }

        private void acquired(Backend target, Promise<Channel> acquired) {
            Channel ch = acquired.getNow();
            if (finished || target != backend) {
                if (ch != null) {
                    ch.close();
                }
                return;
            }
            if (acquired.isSuccess()) {
                attach(ch);
            } else {
                onBackendFailure(acquired.cause());
            }
        }

        private void attach(Channel ch) {
            backendChannel = ch;
            reusedConnection = ch.attr(BackendConnections.REUSED).get() != null;
            ch.pipeline().get(BackendHandler.class).attach(this);
            ch.config().setAutoRead(ctx.channel().isWritable());
            HttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(),
                    request.headers().copy());
            HopHeaders.strip(out.headers());
            HopHeaders.addForwarding(out.headers(), clientAddress());
            if (HttpUtil.isTransferEncodingChunked(request)) {
                HttpUtil.setTransferEncodingChunked(out, true);
            }
            ch.write(out);
            HttpContent part;
            while ((part = pending.pollFirst()) != null) {
                ch.write(part);
            }
            ch.flush();
            lastBackendActivity = System.nanoTime();
            watchBackend(proxy.config().backendTimeout().toNanos());
            if (!requestComplete) {
                ctx.channel().config().setAutoRead(ch.isWritable());
            } else {
                ctx.channel().config().setAutoRead(true);
            }
        }

        void requestContent(HttpContent content) {
            if (awaitingEndOfRequest) {
                content.release();
                if (content instanceof LastHttpContent) {
                    requestComplete = true;
                    bodyReceived();
                    exchangeDone(false);
                }
                return;
            }
            if (content.decoderResult().isFailure()) {
                content.release();
                Rejection malformed = RequestChecks.malformed(content.decoderResult().cause());
                abandon();
                if (responseStarted) {
                    closing = true;
                    ctx.close();
                } else {
                    reject(malformed);
                }
                return;
            }
            bodyBytes += content.content().readableBytes();
            if (bodyBytes > proxy.config().maxBodyBytes()) {
                content.release();
                if (!responseStarted) {
                    abandon();
                    reject(new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                            "request body over the limit of " + proxy.config().maxBodyBytes() + " bytes", true));
                } else {
                    abandon();
                    ctx.close();
                }
                return;
            }
            if (bodyCopy != null) {
                if (bodyBytes <= RETRY_BODY_LIMIT) {
                    bodyCopy.add(content.retainedDuplicate());
                } else {
                    bodyCopy.forEach(ReferenceCountUtil::release);
                    bodyCopy = null;
                }
            }
            if (content instanceof LastHttpContent) {
                requestComplete = true;
                bodyReceived();
                ctx.channel().config().setAutoRead(true);
            }
            if (finished) {
                content.release();
                return;
            }
            if (backendChannel == null) {
                pending.addLast(content);
                return;
            }
            backendChannel.writeAndFlush(content);
            lastBackendActivity = System.nanoTime();
            if (!requestComplete && !backendChannel.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }

        @Override
        public void onBackendReadComplete() {
            ctx.flush();
        }

        @Override
        public void onBackendWritabilityChanged(boolean writable) {
            if (!requestComplete && !finished) {
                ctx.channel().config().setAutoRead(writable);
            }
        }

        @Override
        public void onResponse(HttpObject message) {
            if (finished) {
                ReferenceCountUtil.release(message);
                return;
            }
            lastBackendActivity = System.nanoTime();
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
                    return;
                }
                responseContent(content);
            }
        }

        private void responseHead(HttpResponse response) {
            responseStarted = true;
            backendResponse = response;
            long now = System.currentTimeMillis();
            if (cacheKey != null) {
                Duration fresh = proxy.cachePolicy().freshness(request, response, now);
                long length = HttpUtil.getContentLength(response, -1L);
                if (fresh != null && length <= proxy.config().cacheMaxObject()) {
                    fill = new CacheFill(response, now, fresh, proxy.config().cacheMaxObject());
                }
            }
            HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                    response.headers().copy());
            HopHeaders.strip(out.headers());
            HopHeaders.addVia(out.headers());
            if (cacheKey != null) {
                out.headers().set("X-Cache", "MISS");
            }
            if (group.setCookie() != null) {
                out.headers().add(HttpHeaderNames.SET_COOKIE, group.setCookie());
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
            setKeepAlive(out, keepAlive && !closeAfter);
            proxy.metrics().responded(code);
            ctx.write(out);
        }

        private void responseContent(HttpContent content) {
            if (fill != null && !fill.append(content.content())) {
                fill = null;
            }
            boolean last = content instanceof LastHttpContent;
            ctx.write(content);
            if (last) {
                ctx.flush();
                complete();
            } else if (!ctx.channel().isWritable() && backendChannel != null) {
                backendChannel.config().setAutoRead(false);
            }
        }

        private void complete() {
            finished = true;
            backend.finished();
            Channel ch = backendChannel;
            backendChannel = null;
            ch.pipeline().get(BackendHandler.class).detach();
            ch.config().setAutoRead(true);
            if (HttpUtil.isKeepAlive(backendResponse) && requestComplete) {
                proxy.connections().release(ch, backend);
            } else {
                ch.close();
            }
            if (fill != null) {
                proxy.cache().store(cacheKey, request.headers(), fill.toCachedResponse());
            }
            endFetch();
            releaseBody();
            // A backend that answered before the whole body was sent: the connection closes after the answer, since
            // the rest of the body would otherwise have to be read and dropped.
            exchangeDone(closeAfter || !keepAlive || !requestComplete);
        }

        @Override
        public void onBackendFailure(Throwable cause) {
            if (finished) {
                return;
            }
            Channel ch = backendChannel;
            backendChannel = null;
            if (ch != null) {
                ch.pipeline().get(BackendHandler.class).detach();
                ch.close();
            }
            backend.finished();
            // Refused, dropped before answering on a fresh connection, or silent too long: out of rotation. A
            // pooled connection found closed may be the backend's keep-alive timeout: counted, not taken out.
            boolean timeout = cause instanceof java.util.concurrent.TimeoutException;
            boolean owedHead = !responseStarted && requestComplete;
            if ((timeout && owedHead) || (!timeout && !responseStarted && !reusedConnection)) {
                backend.failed();
            } else {
                backend.errored();
            }
            reusedConnection = false;
            fill = null;
            if (!responseStarted) {
                boolean bodyKept = !hasBody || (bodyCopy != null && requestComplete);
                if (idempotent && bodyKept && tried.size() == 1 && group.group().pick(tried) != null) {
                    proxy.metrics().retries.increment();
                    pending.forEach(ReferenceCountUtil::release);
                    pending.clear();
                    if (bodyCopy != null) {
                        for (HttpContent part : bodyCopy) {
                            pending.addLast(part.retainedDuplicate());
                        }
                    }
                    forward();
                    return;
                }
                failBeforeResponse(timeout ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY,
                        "backend " + backend + " failed: " + cause.getMessage());
            } else {
                finished = true;
                endFetch();
                releaseBody();
                closing = true;
                ctx.close();
            }
        }

        private void failBeforeResponse(HttpResponseStatus status, String reason) {
            finished = true;
            endFetch();
            releaseBody();
            boolean close = !requestComplete || !keepAlive;
            FullHttpResponse response = rejectionResponse(new Rejection(status, reason, close));
            setKeepAlive(response, !close);
            proxy.metrics().responded(status.code());
            ctx.writeAndFlush(response);
            exchangeDone(close);
        }

        /** Ends this exchange without a response of its own (the caller answers or closes). */
        void abandon() {
            clientGone();
            current = null;
        }

        /** The client connection closed: drop the backend connection (it may be mid-response) and the body. */
        void clientGone() {
            if (finished) {
                return;
            }
            finished = true;
            if (backendChannel != null) {
                backendChannel.pipeline().get(BackendHandler.class).detach();
                backendChannel.close();
                backendChannel = null;
            }
            if (backend != null) {
                backend.finished();
            }
            endFetch();
            releaseBody();
        }

        private void endFetch() {
            if (leader) {
                leader = false;
                proxy.cache().finish(cacheKey);
            }
        }

        private void releaseBody() {
            pending.forEach(ReferenceCountUtil::release);
            pending.clear();
            if (bodyCopy != null) {
                bodyCopy.forEach(ReferenceCountUtil::release);
                bodyCopy.clear();
            }
        }
    }
}
