package designbench.proxy.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.proxy.net.TextResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The handlers between the decoder and the forwarding, over an {@link EmbeddedChannel}: each answers or passes
 * the exchange on, and {@link ClientConnection} keeps pipelined requests in order. A stand-in for the forwarding
 * answers what reaches the end.
 */
class ClientPipelineTest {

    private static final String GET = "GET /a HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /**
     * Answers 200 "end" to every bodyless exchange that gets this far, as the forwarding would after a backend; one
     * with a body it holds, as the forwarding does while the body streams.
     */
    private static final class End extends ChannelInboundHandlerAdapter {
        int reached;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            reached++;
            Exchange exchange = (Exchange) msg;
            if (!exchange.hasBody) {
                exchange.respond(TextResponse.of(HttpResponseStatus.OK, "end\n"), false);
            }
        }
    }

    private static EmbeddedChannel channel(End end, ChannelInboundHandlerAdapter... middle) {
        HeadTimeout headTimeout = new HeadTimeout(10_000);
        EmbeddedChannel ch = new EmbeddedChannel(headTimeout, new StrictRequestDecoder(8192, 16384),
                new HttpResponseEncoder(),
                new ClientConnection(headTimeout, new ProxyMetrics(), 1024, Duration.ofSeconds(10)),
                new RequestCheckHandler(Set.of(), 1024));
        ch.pipeline().addLast(middle);
        ch.pipeline().addLast(end);
        return ch;
    }

    private static String sent(EmbeddedChannel ch) {
        StringBuilder out = new StringBuilder();
        ByteBuf buf;
        while ((buf = ch.readOutbound()) != null) {
            out.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return out.toString();
    }

    private static void receive(EmbeddedChannel ch, String bytes) {
        ch.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
    }

    @Test
    void aRequestThatPassesEveryCheckReachesTheEnd() {
        End end = new End();
        EmbeddedChannel ch = channel(end);
        receive(ch, GET);
        assertEquals(1, end.reached);
        assertTrue(sent(ch).startsWith("HTTP/1.1 200 OK"));
        assertTrue(ch.isOpen());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        End end = new End();
        EmbeddedChannel ch = channel(end);
        receive(ch, GET + "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\n\r\n" + GET);
        String out = sent(ch);
        assertTrue(out.startsWith("HTTP/1.1 200 OK"), out);
        assertTrue(out.contains("405 Method Not Allowed"), out);
        // The refusal closes the connection, so the third request is never answered.
        assertEquals(1, end.reached);
        assertFalse(ch.isOpen());
    }

    @Test
    void aMalformedHeadIsRefusedBeforeAnyOtherHandler() {
        End end = new End();
        EmbeddedChannel ch = channel(end);
        receive(ch, "GET /a HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5, 5\r\n\r\nhello");
        assertTrue(sent(ch).startsWith("HTTP/1.1 400 Bad Request"));
        assertEquals(0, end.reached);
        assertFalse(ch.isOpen());
    }

    @Test
    void theRateLimitAnswers429BeforeTheEnd() {
        End end = new End();
        EmbeddedChannel ch = channel(end, new RateLimitHandler(new RateLimiter(1, 1), new ProxyMetrics()));
        receive(ch, GET);
        receive(ch, GET);
        String out = sent(ch);
        assertTrue(out.startsWith("HTTP/1.1 200 OK"), out);
        assertTrue(out.contains("HTTP/1.1 429 Too Many Requests") && out.contains("retry-after"), out);
        assertEquals(1, end.reached);
        assertTrue(ch.isOpen(), "a bodyless keep-alive request refused for its rate keeps the connection");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndTheConnectionCloses() {
        End end = new End();
        EmbeddedChannel ch = channel(end);
        receive(ch, "POST /a HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "800\r\n" + "x".repeat(2048) + "\r\n0\r\n\r\n");
        String out = sent(ch);
        assertEquals(1, end.reached);
        assertTrue(out.startsWith("HTTP/1.1 413 Request Entity Too Large"), out);
        assertNull(ch.readInbound());
        assertFalse(ch.isOpen());
    }
}
