package designbench.ipc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/** The client end of {@link ShmRings}: writes frames to the peer's inbound ring, polls its outbound ring. */
final class ShmRingConnection implements Connection {
    private final MappedByteBuffer toPeerMapped;
    private final MappedByteBuffer fromPeerMapped;
    private final RingBuffer toPeer;
    private final RingBuffer fromPeer;
    private final IdleStrategy idle = ShmRings.newIdleStrategy();
    private final UnsafeBuffer outgoing = new UnsafeBuffer(0, 0);
    /** The last payload received, copied out of the ring (the record is freed once read). */
    private final ByteBuffer payload = ByteBuffer.allocateDirect(Frames.MAX_PAYLOAD_BYTES);
    private int expectedPayloadBytes;
    private IOException readFailure;

    ShmRingConnection(Endpoint endpoint) {
        toPeerMapped = ShmRings.open(endpoint.file().resolve(ShmRings.TO_PEER_FILE));
        fromPeerMapped = ShmRings.open(endpoint.file().resolve(ShmRings.FROM_PEER_FILE));
        toPeer = ShmRings.ring(toPeerMapped);
        fromPeer = ShmRings.ring(fromPeerMapped);
    }

    @Override
    public void send(ByteBuffer frame) throws IOException {
        outgoing.wrap(frame);
        ShmRings.write(toPeer, outgoing, frame.position(), frame.remaining(), idle);
    }

    @Override
    public ByteBuffer receive(int expectedPayloadBytes) throws IOException {
        this.expectedPayloadBytes = expectedPayloadBytes;
        long deadline = System.nanoTime() + ShmRings.WAIT_NANOS;
        while (fromPeer.read(this::copyOut, 1) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no frame from the peer in " + Transport.WAIT_SECONDS + " s");
            }
            idle.idle();
        }
        idle.reset();
        if (readFailure != null) {
            IOException failure = readFailure;
            readFailure = null;
            throw failure;
        }
        return payload;
    }

    private void copyOut(int type, MutableDirectBuffer buffer, int index, int length) {
        try {
            int payloadBytes = ShmRings.checkedPayloadLength(buffer, index, length, expectedPayloadBytes);
            payload.clear().limit(payloadBytes);
            buffer.getBytes(index + Frames.HEADER_BYTES, payload, 0, payloadBytes);
        } catch (BadFrameException e) {
            readFailure = e;
        }
    }

    @Override
    public void close() {
        ShmRings.unmap(toPeerMapped);
        ShmRings.unmap(fromPeerMapped);
    }
}
