package designbench.ipc.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads length-prefixed frames from a blocking channel through one buffer, so a small frame usually costs one read
 * call and several frames that arrive together cost one between them.
 */
final class FrameReader {
    private final ReadableByteChannel channel;
    /** Unread bytes between position and limit (read mode) between calls. */
    private final ByteBuffer buffer;

    FrameReader(ReadableByteChannel channel) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocateDirect(Frames.HEADER_BYTES + Frames.MAX_PAYLOAD_BYTES).flip();
    }

    /**
     * The next whole frame, prefix included, valid until the next call.
     *
     * @param expectedPayloadBytes the only acceptable prefix, or -1 to accept any valid size
     */
    ByteBuffer next(int expectedPayloadBytes) throws IOException {
        fill(Frames.HEADER_BYTES);
        int length = buffer.getInt(buffer.position());
        if (expectedPayloadBytes < 0) {
            Frames.checkLength(length);
        } else {
            Frames.checkLength(length, expectedPayloadBytes);
        }
        int frameBytes = Frames.HEADER_BYTES + length;
        fill(frameBytes);
        ByteBuffer frame = buffer.slice(buffer.position(), frameBytes);
        buffer.position(buffer.position() + frameBytes);
        return frame;
    }

    /** Makes at least {@code needed} unread bytes available, reading as much as the channel offers. */
    private void fill(int needed) throws IOException {
        if (buffer.remaining() >= needed) {
            return;
        }
        buffer.compact();
        while (buffer.position() < needed) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                throw new EOFException("the peer closed the connection");
            }
        }
        buffer.flip();
    }
}
