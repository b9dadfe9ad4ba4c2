package designbench.proxy.net;

import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;

/**
 * Where something listens or is reached: {@code HOST:PORT} (IPv6 as {@code [::1]:PORT}) over TCP, or
 * {@code unix:PATH} for a Unix domain socket file.
 */
public sealed interface Address {

    /** A TCP address; host is a literal or a name, never resolved beyond the machine's own resolver. */
    record Tcp(String host, int port) implements Address {
        public Tcp {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public SocketAddress socketAddress() {
            return new InetSocketAddress(host, port);
        }

        @Override
        public String toString() {
            return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

    /** A Unix domain socket file. */
    record Unix(Path file) implements Address {
        @Override
        public SocketAddress socketAddress() {
            return new DomainSocketAddress(file.toFile());
        }

        @Override
        public String toString() {
            return "unix:" + file;
        }
    }

    SocketAddress socketAddress();

    /** Parses {@code HOST:PORT}, {@code [V6]:PORT} or {@code unix:PATH}; says what is wrong otherwise. */
    static Address parse(String text) {
        if (text.startsWith("unix:")) {
            String path = text.substring("unix:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("unix: needs a socket file path, as in unix:/tmp/origin.sock");
            }
            return new Unix(Path.of(path));
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not an address: '" + text + "' (want HOST:PORT, [V6]:PORT or unix:PATH)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("IPv6 addresses need brackets, as in [::1]:8080: '" + text + "'");
        }
        try {
            return new Tcp(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number in '" + text + "'");
        }
    }

    /** The address a bound channel really has (the port the system chose for port 0). */
    static Address of(SocketAddress bound) {
        if (bound instanceof InetSocketAddress inet) {
            return new Tcp(inet.getAddress().getHostAddress(), inet.getPort());
        }
        if (bound instanceof DomainSocketAddress uds) {
            return new Unix(Path.of(uds.path()));
        }
        throw new IllegalArgumentException("unsupported address " + bound);
    }
}
