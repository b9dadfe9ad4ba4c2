package designbench.ipc.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer program: serves one transport in one mode until its standard input closes, which happens when the
 * benchmark stops it or dies; then it removes its files and its private folder. Prints one line, {@value #READY}
 * and the endpoint, once clients may connect.
 *
 * <p>Usage: {@code PeerMain TRANSPORT ECHO|SINK PRIVATE_DIR}
 */
public final class PeerMain {
    /** The first word of the line that says the server listens. */
    public static final String READY = "READY ";

    private PeerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: PeerMain TRANSPORT ECHO|SINK PRIVATE_DIR");
            System.exit(2);
        }
        int status = 0;
        Path privateDir = Path.of(args[2]);
        try (PeerServer server = Transport.valueOf(args[0])
                .startServer(PeerServer.Mode.valueOf(args[1]), privateDir)) {
            System.out.println(READY + server.endpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // nothing is sent on standard input: it only closes
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("peer: " + e);
            status = 1;
        }
        try {
            // Closing the server removed its files; removing the folder too leaves nothing behind when the
            // benchmark that owns it was killed and cannot clean up itself.
            Files.deleteIfExists(privateDir);
        } catch (IOException e) {
            System.err.println("peer: could not remove " + privateDir + ": " + e);
        }
        System.exit(status); // event-loop threads are not daemons; the server is closed, so end here
    }
}
