package designbench.proxy.proxy;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A forwarded request's body: the parts not yet written to the backend, and a copy of the parts written, up to
 * {@value #RETRY_BODY_LIMIT} bytes, so the request can be sent again to another backend.
 */
final class RequestBody {

    /** Request bodies up to this size are kept so an idempotent request can be retried on another backend. */
    static final int RETRY_BODY_LIMIT = 64 * 1024;

    private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
    /** Null when no copy is kept: not asked for, or the body outgrew the limit. */
    private List<HttpContent> copy;

    RequestBody(boolean keepCopy) {
        this.copy = keepCopy ? new ArrayList<>() : null;
    }

    /** A part to send; {@code bodyBytesSoFar} counts it and every part before it. */
    void add(HttpContent content, long bodyBytesSoFar) {
        if (copy != null) {
            if (bodyBytesSoFar <= RETRY_BODY_LIMIT) {
                copy.add(content.retainedDuplicate());
            } else {
                copy.forEach(ReferenceCountUtil::release);
                copy = null;
            }
        }
        pending.addLast(content);
    }

    /** Writes (without flushing) the parts not yet sent. */
    void writePending(Channel backend) {
        HttpContent part;
        while ((part = pending.pollFirst()) != null) {
            backend.write(part);
        }
    }

    /** Whether every part so far is kept for a retry. */
    boolean kept() {
        return copy != null;
    }

    /** For a retry: the kept parts are to be sent again, from the first. */
    void rewind() {
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        for (HttpContent part : copy) {
            pending.addLast(part.retainedDuplicate());
        }
    }

    void release() {
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        if (copy != null) {
            copy.forEach(ReferenceCountUtil::release);
            copy = null;
        }
    }
}
