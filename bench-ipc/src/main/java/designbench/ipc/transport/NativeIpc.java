package designbench.ipc.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The client side of the C reference, in {@code designbench_ipc.c} compiled as a JNI library by {@link NativeBuild}:
 * every system call of a C row's exchange is made there, so the Java code around it is one call per send and one per
 * receive.
 */
final class NativeIpc {
    static final int KIND_TCP = 0;
    static final int KIND_UDS = 1;
    static final int KIND_SHM = 2;

    private static boolean loaded;

    private NativeIpc() {
    }

    /** Loads the library once per JVM; the build must have succeeded. */
    static synchronized void load(NativeBuild build) {
        if (!loaded) {
            System.load(build.library().toString());
            loaded = true;
        }
    }

    /**
     * Connects to a C peer and returns the handle of the connection.
     *
     * @param kind {@link #KIND_TCP} (port on 127.0.0.1), {@link #KIND_UDS} (socket file) or {@link #KIND_SHM} (ring
     *             file)
     */
    static native long connect(int kind, int port, String file) throws IOException;

    /** The connection's receive buffer: frames that {@link #receive} returns are read from here. */
    static native ByteBuffer buffer(long handle);

    /** Writes {@code length} bytes of a direct buffer from {@code offset}, all of them. */
    static native void send(long handle, ByteBuffer frame, int offset, int length, long timeoutNanos)
            throws IOException;

    /**
     * Waits for the next whole frame and returns its offset (length prefix included) in {@link #buffer}.
     *
     * @throws BadFrameException when its length prefix is not {@code expectedPayloadBytes}
     */
    static native int receive(long handle, int expectedPayloadBytes, long timeoutNanos) throws IOException;

    static native void close(long handle);
}
