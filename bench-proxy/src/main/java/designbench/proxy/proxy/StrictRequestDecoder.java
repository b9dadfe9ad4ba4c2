package designbench.proxy.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's request decoder, which already rejects conflicting Content-Length / Transfer-Encoding, duplicate
 * lengths, bad chunk sizes, whitespace before a colon and bare line feeds, plus the one smuggling vector it still
 * accepts: obs-fold, a header line continued on the next line that begins with a space or tab (RFC 9112 §5.2
 * lets a server reject it with 400, and a proxy must not pass it on as it came).
 *
 * <p>The decoder returns from {@code decode} after a request's head is complete, so every byte consumed by a call
 * made while a head is being read belongs to that head; those bytes are checked for a line feed followed by a
 * space or tab, and a request whose head has one is marked as failed, like the decoder's own rejections.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    /** Why a folded header is refused; the proxy answers 400. */
    static final class ObsFoldException extends IllegalArgumentException {
        ObsFoldException() {
            super("obsolete line folding (a header line starting with a space or tab) is not accepted");
        }
    }

    private boolean readingHead = true;
    private boolean lastWasLineFeed;
    private boolean folded;

    StrictRequestDecoder(int maxRequestLine, int maxHeaderBytes) {
        super(new HttpDecoderConfig().setMaxInitialLineLength(maxRequestLine).setMaxHeaderSize(maxHeaderBytes)
                .setMaxChunkSize(64 * 1024));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        int from = buffer.readerIndex();
        boolean wasReadingHead = readingHead;
        int before = out.size();
        super.decode(ctx, buffer, out);
        if (wasReadingHead) {
            for (int i = from; i < buffer.readerIndex(); i++) {
                byte b = buffer.getByte(i);
                if (lastWasLineFeed && (b == ' ' || b == '\t')) {
                    folded = true;
                }
                lastWasLineFeed = b == '\n';
            }
        }
        for (int i = before; i < out.size(); i++) {
            Object message = out.get(i);
            if (message instanceof HttpRequest request) {
                if (folded && request.decoderResult().isSuccess()) {
                    request.setDecoderResult(DecoderResult.failure(new ObsFoldException()));
                }
                readingHead = false;
                folded = false;
                lastWasLineFeed = false;
            }
            if (message instanceof LastHttpContent) {
                readingHead = true;
            }
        }
    }
}
