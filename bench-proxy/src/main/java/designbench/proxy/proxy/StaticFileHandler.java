package designbench.proxy.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Serves requests under the static prefix from {@link StaticFiles}, streaming the file in 64 KiB chunks (the
 * {@code ChunkedWriteHandler} before the encoder does the writing); everything else passes on.
 */
final class StaticFileHandler extends ChannelInboundHandlerAdapter {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final StaticFiles files;

    StaticFileHandler(StaticFiles files) {
        this.files = files;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = (Exchange) msg;
        if (!files.matches(exchange.request)) {
            ctx.fireChannelRead(exchange);
            return;
        }
        boolean close = !exchange.keepAlive || exchange.hasBody;
        StaticFiles.Answer answer = files.answer(exchange.request);
        if (answer instanceof StaticFiles.Refused refused) {
            Rejection r = refused.rejection();
            exchange.reject(new Rejection(r.status(), r.reason(), close));
        } else if (answer instanceof StaticFiles.NotModified notModified) {
            exchange.respond(notModified.response(), LastHttpContent.EMPTY_LAST_CONTENT, close);
        } else if (answer instanceof StaticFiles.FileAnswer file) {
            if (file.head()) {
                exchange.respond(file.response(), LastHttpContent.EMPTY_LAST_CONTENT, close);
                return;
            }
            try {
                HttpChunkedInput body = new HttpChunkedInput(new ChunkedNioFile(FileChannel.open(file.file()), 0,
                        file.size(), CHUNK_BYTES));
                exchange.respond(file.response(), body, close);
            } catch (IOException e) {
                exchange.reject(new Rejection(HttpResponseStatus.NOT_FOUND, "file cannot be read", close));
            }
        }
    }
}
