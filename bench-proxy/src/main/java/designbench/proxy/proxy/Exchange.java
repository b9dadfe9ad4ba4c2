package designbench.proxy.proxy;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One request of a client connection, and what the handlers after {@link ClientConnection} decide about it: the
 * message they pass each other. A handler either answers it ({@link #respond}, {@link #reject}) or passes it on;
 * the last one, {@link ForwardingHandler}, sends it to a backend. Every method runs on the client connection's
 * event loop.
 */
final class Exchange {

    final HttpRequest request;
    final boolean hasBody;
    final boolean keepAlive;
    private final ClientConnection client;
    /** The backend group, set by {@link AbGroupHandler}. */
    AbRouting.Assignment group;
    /** Set by {@link CacheHandler} when the response may be stored; null otherwise. */
    CacheStore cacheStore;
    /** Set by {@link ForwardingHandler} once the request goes to a backend; the request body goes there. */
    Forwarding forwarding;
    boolean requestComplete;
    boolean responseStarted;
    boolean finished;
    long bodyBytes;
    /** Whether the request body may be read on (false while a backend connection is awaited or full). */
    private boolean bodyReads = true;
    /** Body parts that arrived before a handler took the body over; null until one does (most requests). */
    private ArrayDeque<HttpContent> unclaimedBody;

    Exchange(HttpRequest request, ClientConnection client) {
        this.request = request;
        this.client = client;
        // A head the decoder refused may have no readable length: it is answered 400 and the connection closes.
        this.hasBody = request.decoderResult().isSuccess() && RequestChecks.hasBody(request);
        this.keepAlive = HttpUtil.isKeepAlive(request);
    }

    /** Answers with a whole response and ends the exchange; the connection closes after it when {@code close}. */
    void respond(FullHttpResponse response, boolean close) {
        finish();
        setKeepAlive(response, !close);
        client.responded(response.status().code());
        client.done(client.writeAndFlush(response), close);
    }

    /** Answers with a head and then {@code body} (a last content, or a chunked input ending in one). */
    void respond(HttpResponse head, Object body, boolean close) {
        finish();
        setKeepAlive(head, !close);
        client.responded(head.status().code());
        client.write(head);
        client.done(client.writeAndFlush(body), close);
    }

    void reject(Rejection rejection) {
        respond(rejection.response(), rejection.close());
    }

    /** Starts a streamed response: the head now, the content parts through {@link #sendContent}. */
    void sendHead(HttpResponse head, boolean keepAliveAfter) {
        responseStarted = true;
        setKeepAlive(head, keepAliveAfter);
        client.responded(head.status().code());
        client.write(head);
    }

    void sendContent(HttpContent content) {
        client.write(content);
    }

    void flush() {
        client.flush();
    }

    /** The streamed response is complete and flushed: next request, or close when {@code close}. */
    void completed(boolean close) {
        finish();
        client.done(null, close);
    }

    /** Ends the exchange by closing the connection (a response cut short, or a body that broke its limits). */
    void closeConnection() {
        abandon();
        client.close();
    }

    /** Ends this exchange without a response of its own (the caller answers or closes). */
    void abandon() {
        clientGone();
        client.exchangeAbandoned(this);
    }

    /** The client connection closed or gave up on this exchange: the fetch and the body are dropped. */
    void clientGone() {
        if (finished) {
            return;
        }
        if (forwarding != null) {
            forwarding.clientGone();
        }
        finish();
    }

    /** A part of the request body (never after the last): to the forwarding, or kept until one takes it. */
    void requestContent(HttpContent content) {
        if (finished) {
            content.release();
        } else if (forwarding != null) {
            forwarding.requestContent(content);
        } else {
            if (unclaimedBody == null) {
                unclaimedBody = new ArrayDeque<>();
            }
            unclaimedBody.addLast(content);
        }
    }

    /** The body parts received so far that no forwarding has taken yet; the caller owns them. */
    HttpContent takeUnclaimedBody() {
        return unclaimedBody == null ? null : unclaimedBody.pollFirst();
    }

    /** Pauses or resumes reading the client, as the request body's destination can take it. */
    void readBody(boolean on) {
        bodyReads = on;
        client.autoRead(on);
    }

    boolean bodyReads() {
        return bodyReads;
    }

    boolean clientWritable() {
        return client.writable();
    }

    EventLoop eventLoop() {
        return client.eventLoop();
    }

    String clientAddress() {
        return client.clientAddress();
    }

    /** Sets the connection header for the client: HTTP/1.0 clients need an explicit keep-alive. */
    void setKeepAlive(HttpResponse response, boolean on) {
        HttpUtil.setKeepAlive(response, on);
        if (on && request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    /** Answers 100 Continue when the client waits for it before sending the body. */
    void continueIfExpected() {
        if (HttpUtil.is100ContinueExpected(request)) {
            client.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        request.headers().remove(HttpHeaderNames.EXPECT);
    }

    private void finish() {
        finished = true;
        endFetch();
        releaseBody();
    }

    private void endFetch() {
        if (cacheStore != null) {
            cacheStore.end();
        }
    }

    private void releaseBody() {
        if (unclaimedBody != null) {
            unclaimedBody.forEach(ReferenceCountUtil::release);
            unclaimedBody = null;
        }
    }
}
