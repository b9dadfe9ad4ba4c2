package designbench.ipc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/** One client connection to a {@link PeerServer}, used by one thread at a time. */
public interface Connection extends AutoCloseable {
    /**
     * Sends one whole frame (from its position to its limit; the buffer's position is not changed). The caller
     * must not change the frame's bytes until the peer has answered it; an asynchronous transport may still be
     * writing them after this returns.
     */
    void send(ByteBuffer frame) throws IOException;

    /**
     * Waits for the next frame and returns its payload, valid until the next call.
     *
     * @param expectedPayloadBytes the only acceptable length prefix
     * @throws BadFrameException when the frame's prefix is not the expected one
     * @throws java.io.EOFException when the peer closed the connection
     */
    ByteBuffer receive(int expectedPayloadBytes) throws IOException;

    @Override
    void close() throws IOException;
}
