package designbench.ipc.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The far end of one benchmark's exchanges, in a separate JVM or on a thread of this one, with its socket or ring
 * files in a private temporary folder that closing removes. Closing also stops the peer process.
 */
public final class Peer implements AutoCloseable {
    private final Transport transport;
    private final Path privateDir;
    private final PeerServer threadServer;
    private final PeerProcess process;
    private final Endpoint endpoint;

    private Peer(Transport transport, Path privateDir, PeerServer threadServer, PeerProcess process) {
        this.transport = transport;
        this.privateDir = privateDir;
        this.threadServer = threadServer;
        this.process = process;
        this.endpoint = threadServer != null ? threadServer.endpoint() : process.endpoint();
    }

    /**
     * Starts a peer and waits until it listens.
     *
     * @param placement where both ends will run, checked here: the peer starts unpinned, so that priming can compile
     *                  both ends on every CPU, and {@link Placement#pin(Peer)} moves both ends into place afterwards
     */
    public static Peer start(Transport transport, PeerServer.Mode mode, PeerKind kind, Placement placement)
            throws IOException {
        transport.checkAvailable(kind, placement);
        Path privateDir = Files.createTempDirectory("designbench-ipc-");
        try {
            return kind == PeerKind.THREAD
                    ? new Peer(transport, privateDir, transport.startServer(mode, privateDir), null)
                    : new Peer(transport, privateDir, null, PeerProcess.start(transport, mode, privateDir));
        } catch (IOException | RuntimeException e) {
            deleteRecursively(privateDir);
            throw e;
        }
    }

    /** A new client connection to this peer. */
    public Connection connect() throws IOException {
        return transport.connect(endpoint);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The folder holding this peer's socket or ring files; gone after {@link #close()}. */
    public Path privateDir() {
        return privateDir;
    }

    /** The peer's process, when it runs in one. */
    public Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).map(PeerProcess::handle);
    }

    @Override
    public void close() {
        try {
            if (threadServer != null) {
                threadServer.close();
            } else {
                process.stop();
            }
        } finally {
            deleteRecursively(privateDir);
        }
    }

    /** Removes a folder and everything in it; nothing when it is gone already. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return; // e.g. a peer process removes its own folder when it ends
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the folder " + dir, e);
        }
    }
}
