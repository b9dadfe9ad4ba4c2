package designbench.ipc.transport;

import java.nio.ByteBuffer;

/**
 * The wire format every transport uses: a 4-byte big-endian length prefix, then that many payload bytes. The
 * first 8 payload bytes carry a sequence number, so an echo that answers the wrong message is caught too.
 */
public final class Frames {
    /** Bytes of the length prefix. */
    public static final int HEADER_BYTES = 4;
    /** The largest payload any exchange sends (1 MiB); a longer prefix is a bad frame. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;
    /** The smallest payload: room for the sequence number. */
    public static final int MIN_PAYLOAD_BYTES = Long.BYTES;

    private Frames() {
    }

    /**
     * A direct buffer holding one whole frame, positioned at 0 and limited to its end.
     *
     * @param payloadBytes payload size, {@value #MIN_PAYLOAD_BYTES}..{@value #MAX_PAYLOAD_BYTES}
     */
    public static ByteBuffer newFrame(int payloadBytes) {
        checkPayloadBytes(payloadBytes);
        ByteBuffer frame = ByteBuffer.allocateDirect(HEADER_BYTES + payloadBytes);
        frame.putInt(payloadBytes);
        for (int i = 0; i < payloadBytes; i++) {
            frame.put((byte) i); // a recognisable pattern, so tests can check the bytes that come back
        }
        return frame.flip();
    }

    /** Writes a sequence number into a frame made by {@link #newFrame}, leaving its position and limit alone. */
    public static void setSequence(ByteBuffer frame, long sequence) {
        frame.putLong(HEADER_BYTES, sequence);
    }

    /** The sequence number of a payload (not a frame), read at its position without moving it. */
    public static long sequenceOf(ByteBuffer payload) {
        return payload.getLong(payload.position());
    }

    /**
     * Checks a received length prefix before any payload is read.
     *
     * @throws BadFrameException when the prefix is negative, beyond the maximum, or not the expected size
     */
    public static int checkLength(int length, int expectedPayloadBytes) throws BadFrameException {
        checkLength(length);
        if (length != expectedPayloadBytes) {
            throw new BadFrameException("bad frame: length prefix " + length + ", expected " + expectedPayloadBytes);
        }
        return length;
    }

    /**
     * Checks a received length prefix when any size is acceptable (the peer's side).
     *
     * @throws BadFrameException when the prefix is below {@value #MIN_PAYLOAD_BYTES} or above the maximum
     */
    public static int checkLength(int length) throws BadFrameException {
        if (length < MIN_PAYLOAD_BYTES || length > MAX_PAYLOAD_BYTES) {
            throw new BadFrameException("bad frame: length prefix " + length + " outside "
                    + MIN_PAYLOAD_BYTES + ".." + MAX_PAYLOAD_BYTES);
        }
        return length;
    }

    /** Checks that an echoed payload carries the sequence number that was sent. */
    public static void checkSequence(ByteBuffer payload, long expected) throws BadFrameException {
        long actual = sequenceOf(payload);
        if (actual != expected) {
            throw new BadFrameException("bad frame: sequence " + actual + ", expected " + expected);
        }
    }

    private static void checkPayloadBytes(int payloadBytes) {
        if (payloadBytes < MIN_PAYLOAD_BYTES || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload of " + payloadBytes + " bytes outside "
                    + MIN_PAYLOAD_BYTES + ".." + MAX_PAYLOAD_BYTES);
        }
    }
}
