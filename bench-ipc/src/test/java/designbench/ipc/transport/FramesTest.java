package designbench.ipc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import org.junit.jupiter.api.Test;

/** The frame format and its checks, and the buffered reader, over an in-memory pipe. */
class FramesTest {
    @Test
    void aFrameIsALengthPrefixThenThePayloadWithItsSequenceNumber() {
        ByteBuffer frame = Frames.newFrame(64);
        Frames.setSequence(frame, 42);
        assertEquals(68, frame.remaining());
        assertEquals(64, frame.getInt(0));
        assertEquals(42, Frames.sequenceOf(frame.duplicate().position(Frames.HEADER_BYTES)));
        assertEquals(0, frame.position(), "setting the sequence leaves the position alone");
    }

    @Test
    void lengthChecksNameWhatWasWrong() {
        BadFrameException unexpected = assertThrows(BadFrameException.class, () -> Frames.checkLength(128, 64));
        assertEquals("bad frame: length prefix 128, expected 64", unexpected.getMessage());
        assertThrows(BadFrameException.class, () -> Frames.checkLength(-1));
        assertThrows(BadFrameException.class, () -> Frames.checkLength(Frames.MAX_PAYLOAD_BYTES + 1));
        assertThrows(BadFrameException.class, () -> Frames.checkLength(3));
        assertEquals(64, assertDoesNotThrowLength(64));
    }

    private static int assertDoesNotThrowLength(int length) {
        try {
            return Frames.checkLength(length);
        } catch (BadFrameException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theReaderSplitsFramesThatArriveTogetherAndRejectsABadPrefix() throws IOException {
        Pipe pipe = Pipe.open();
        ByteBuffer first = Frames.newFrame(64);
        Frames.setSequence(first, 1);
        ByteBuffer second = Frames.newFrame(64);
        Frames.setSequence(second, 2);
        ByteBuffer bad = ByteBuffer.allocate(8).putInt(-5).putInt(0).flip();
        pipe.sink().write(new ByteBuffer[] {first.duplicate(), second.duplicate(), bad});
        pipe.sink().close();

        FrameReader reader = new FrameReader(pipe.source());
        ByteBuffer one = reader.next(64);
        assertEquals(68, one.remaining());
        assertEquals(1, one.getLong(Frames.HEADER_BYTES));
        assertEquals(2, reader.next(64).getLong(Frames.HEADER_BYTES));
        BadFrameException rejected = assertThrows(BadFrameException.class, () -> reader.next(-1));
        assertTrue(rejected.getMessage().contains("-5"), rejected.getMessage());
    }

    @Test
    void theReaderReportsAConnectionClosedMidFrame() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.sink().write(ByteBuffer.allocate(10).putInt(64).position(10).flip());
        pipe.sink().close();
        assertThrows(EOFException.class, () -> new FrameReader(pipe.source()).next(64));
    }

    @Test
    void endpointsCrossTheProcessBoundaryAsText() {
        assertEquals(Endpoint.tcp(4711), Endpoint.parse(Endpoint.tcp(4711).toString()));
        Endpoint file = Endpoint.file(java.nio.file.Path.of("/tmp/x/peer.sock"));
        assertEquals(file, Endpoint.parse(file.toString()));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("udp:1"));
    }

    @Test
    void theFirstCpuOfAnAffinityList() {
        assertEquals("0", Placement.firstCpuOf("0-1"));
        assertEquals("2", Placement.firstCpuOf("2,5-7"));
        assertEquals("13", Placement.firstCpuOf("13"));
        assertThrows(IllegalArgumentException.class, () -> Placement.firstCpuOf(""));
    }
}
