package designbench.ipc.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Where a {@link PeerServer} listens, in a form that crosses a process boundary as one line of text.
 *
 * @param tcpPort the port on 127.0.0.1, or -1 for a file endpoint
 * @param file    the socket file or ring folder, or null for a TCP endpoint
 */
public record Endpoint(int tcpPort, Path file) {
    public static Endpoint tcp(int port) {
        return new Endpoint(port, null);
    }

    public static Endpoint file(Path file) {
        return new Endpoint(-1, file.toAbsolutePath());
    }

    /** The address of a TCP endpoint. */
    public InetSocketAddress tcpAddress() {
        if (file != null) {
            throw new IllegalStateException("not a TCP endpoint: " + file);
        }
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort);
    }

    /** "tcp:PORT" or "file:PATH". */
    @Override
    public String toString() {
        return file == null ? "tcp:" + tcpPort : "file:" + file;
    }

    /** The inverse of {@link #toString()}. */
    public static Endpoint parse(String text) {
        if (text.startsWith("tcp:")) {
            return tcp(Integer.parseInt(text.substring("tcp:".length())));
        }
        if (text.startsWith("file:")) {
            return file(Path.of(text.substring("file:".length())));
        }
        throw new IllegalArgumentException("not an endpoint: '" + text + "' (expected tcp:PORT or file:PATH)");
    }
}
