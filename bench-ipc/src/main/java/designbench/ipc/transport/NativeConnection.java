package designbench.ipc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/** A client of the C reference: each send and receive is one call into {@link NativeIpc}. */
final class NativeConnection implements Connection {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(Transport.WAIT_SECONDS);

    private final long handle;
    private final ByteBuffer received;
    private boolean closed;

    NativeConnection(Transport transport, Endpoint endpoint) throws IOException {
        NativeIpc.load(NativeBuild.get());
        handle = switch (transport) {
            case C_TCP -> NativeIpc.connect(NativeIpc.KIND_TCP, endpoint.tcpPort(), null);
            case C_UDS -> NativeIpc.connect(NativeIpc.KIND_UDS, -1, endpoint.file().toString());
            case C_SHM_SPIN -> NativeIpc.connect(NativeIpc.KIND_SHM, -1, endpoint.file().toString());
            default -> throw new IllegalArgumentException(transport + " is not a C transport");
        };
        received = NativeIpc.buffer(handle);
    }

    @Override
    public void send(ByteBuffer frame) throws IOException {
        if (!frame.isDirect()) {
            throw new IllegalArgumentException("the C reference sends from direct buffers (Frames.newFrame)");
        }
        NativeIpc.send(handle, frame, frame.position(), frame.remaining(), WAIT_NANOS);
    }

    @Override
    public ByteBuffer receive(int expectedPayloadBytes) throws IOException {
        int offset = NativeIpc.receive(handle, expectedPayloadBytes, WAIT_NANOS);
        return received.slice(offset + Frames.HEADER_BYTES, expectedPayloadBytes);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            NativeIpc.close(handle);
        }
    }
}
