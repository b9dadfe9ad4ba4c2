package designbench.ipc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.IoUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * A pair of Agrona one-to-one ring buffers in two memory-mapped files, one per direction: the floor under the
 * socket transports. Both ends poll without sleeping (they yield the CPU between polls, so two ends pinned to one
 * CPU still take turns): no system call and no wake-up per message, at the price of a busy CPU per end.
 */
final class ShmRings {
    static final String TO_PEER_FILE = "to-peer.ring";
    static final String FROM_PEER_FILE = "from-peer.ring";
    /** Ring data bytes: Agrona's largest record is an eighth of this, room for the largest frame. */
    private static final int DATA_BYTES = 16 << 20;
    private static final int MESSAGE_TYPE = 1;
    /** How long a reader polls an empty ring, or a writer a full one, before it gives up on the other end. */
    static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(Transport.WAIT_SECONDS);

    private ShmRings() {
    }

    static long fileBytes() {
        return DATA_BYTES + RingBufferDescriptor.TRAILER_LENGTH;
    }

    /** Creates and maps a zeroed ring file (the peer's side does this before it says it is ready). */
    static MappedByteBuffer create(Path file) {
        return IoUtil.mapNewFile(file.toFile(), fileBytes());
    }

    /** Maps a ring file the peer created. */
    static MappedByteBuffer open(Path file) {
        return IoUtil.mapExistingFile(file.toFile(), "IPC ring");
    }

    static RingBuffer ring(MappedByteBuffer mapped) {
        return new OneToOneRingBuffer(new UnsafeBuffer(mapped));
    }

    static IdleStrategy newIdleStrategy() {
        return new YieldingIdleStrategy();
    }

    /** Writes one frame as one record, polling while the ring is full. */
    static void write(RingBuffer ring, UnsafeBuffer frame, int offset, int length, IdleStrategy idle)
            throws IOException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!ring.write(MESSAGE_TYPE, frame, offset, length)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the peer took nothing from a full ring for " + Transport.WAIT_SECONDS + " s");
            }
            idle.idle();
        }
        idle.reset();
    }

    /** The payload length of a record holding one frame, after checking its prefix against the record. */
    static int checkedPayloadLength(MutableDirectBuffer buffer, int index, int recordBytes, int expectedPayloadBytes)
            throws BadFrameException {
        int length = buffer.getInt(index, ByteOrder.BIG_ENDIAN);
        if (expectedPayloadBytes < 0) {
            Frames.checkLength(length);
        } else {
            Frames.checkLength(length, expectedPayloadBytes);
        }
        if (Frames.HEADER_BYTES + length != recordBytes) {
            throw new BadFrameException("bad frame: length prefix " + length + " in a record of " + recordBytes
                    + " bytes");
        }
        return length;
    }

    static void unmap(ByteBuffer mapped) {
        IoUtil.unmap(mapped);
    }
}
