package designbench.ipc.transport;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classic blocking server: one platform thread accepts, one platform thread per connection reads a frame and,
 * in {@link Mode#ECHO}, writes it back. Serves the JDK and junixsocket transports.
 */
final class BlockingPeerServer implements PeerServer {
    private final Transport transport;
    private final Mode mode;
    private final ServerSocketChannel server;
    private final Endpoint endpoint;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    BlockingPeerServer(Transport transport, Mode mode, Path privateDir) throws IOException {
        this.transport = transport;
        this.mode = mode;
        this.server = SocketChannels.bind(transport, privateDir);
        this.endpoint = SocketChannels.endpointOf(transport, server, privateDir);
        Thread.ofPlatform().daemon().name("peer-accept").start(this::accept);
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel connection = server.accept();
                SocketChannels.configure(transport, connection);
                connections.add(connection);
                Thread.ofPlatform().daemon().name("peer-connection").start(() -> serve(connection));
            } catch (AsynchronousCloseException e) {
                return; // closed
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("peer: accept failed: " + e);
                }
                return;
            }
        }
    }

    private void serve(SocketChannel connection) {
        FrameReader reader = new FrameReader(connection);
        try (connection) {
            while (true) {
                ByteBuffer frame = reader.next(-1);
                if (mode == Mode.ECHO) {
                    ChannelConnection.writeFully(connection, frame);
                }
            }
        } catch (BadFrameException e) {
            System.err.println("peer: " + e.getMessage() + "; closing that connection");
        } catch (EOFException | AsynchronousCloseException e) {
            // the client is done
        } catch (IOException e) {
            if (!closed) {
                System.err.println("peer: connection failed: " + e);
            }
        } finally {
            connections.remove(connection);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            for (SocketChannel connection : connections) {
                connection.close();
            }
            if (endpoint.file() != null) {
                Files.deleteIfExists(endpoint.file()); // closing a Unix socket leaves its file behind
            }
        } catch (IOException e) {
            System.err.println("peer: could not close cleanly: " + e);
        }
    }
}
