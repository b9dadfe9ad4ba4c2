package designbench.ipc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A client over a blocking {@link SocketChannel}: JDK TCP, JDK Unix domain sockets, junixsocket's channels. */
final class ChannelConnection implements Connection {
    private final SocketChannel channel;
    private final FrameReader reader;

    ChannelConnection(SocketChannel channel) {
        this.channel = channel;
        this.reader = new FrameReader(channel);
    }

    @Override
    public void send(ByteBuffer frame) throws IOException {
        writeFully(channel, frame.duplicate());
    }

    @Override
    public ByteBuffer receive(int expectedPayloadBytes) throws IOException {
        return reader.next(expectedPayloadBytes).position(Frames.HEADER_BYTES);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static void writeFully(SocketChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
