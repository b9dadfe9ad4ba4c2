package designbench.ipc.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The peer end of {@link ShmRings}: one polling thread reads the inbound ring and, in {@link Mode#ECHO}, copies each
 * frame to the outbound ring. One client at a time: the rings are one-to-one.
 */
final class ShmRingPeerServer implements PeerServer {
    private final Mode mode;
    private final Path privateDir;
    private final MappedByteBuffer toPeerMapped;
    private final MappedByteBuffer fromPeerMapped;
    private final RingBuffer toPeer;
    private final RingBuffer fromPeer;
    private final Thread poller;
    private volatile boolean closed;

    ShmRingPeerServer(Mode mode, Path privateDir) {
        this.mode = mode;
        this.privateDir = privateDir;
        toPeerMapped = ShmRings.create(privateDir.resolve(ShmRings.TO_PEER_FILE));
        fromPeerMapped = ShmRings.create(privateDir.resolve(ShmRings.FROM_PEER_FILE));
        toPeer = ShmRings.ring(toPeerMapped);
        fromPeer = ShmRings.ring(fromPeerMapped);
        poller = Thread.ofPlatform().daemon().name("peer-ring").start(this::poll);
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.file(privateDir);
    }

    private void poll() {
        IdleStrategy idle = ShmRings.newIdleStrategy();
        IdleStrategy writeIdle = ShmRings.newIdleStrategy();
        try {
            while (!closed) {
                int read = toPeer.read((type, buffer, index, length) -> {
                    try {
                        ShmRings.checkedPayloadLength(buffer, index, length, -1);
                        if (mode == Mode.ECHO) {
                            echo(buffer, index, length, writeIdle);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, 1);
                idle.idle(read);
            }
        } catch (UncheckedIOException e) {
            System.err.println("peer: " + e.getCause().getMessage() + "; the ring is no longer served");
        }
    }

    private void echo(MutableDirectBuffer buffer, int index, int length, IdleStrategy idle) throws IOException {
        ShmRings.write(fromPeer, (UnsafeBuffer) buffer, index, length, idle);
    }

    @Override
    public void close() {
        closed = true;
        try {
            poller.join(5_000);
            ShmRings.unmap(toPeerMapped);
            ShmRings.unmap(fromPeerMapped);
            Files.deleteIfExists(privateDir.resolve(ShmRings.TO_PEER_FILE));
            Files.deleteIfExists(privateDir.resolve(ShmRings.FROM_PEER_FILE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
