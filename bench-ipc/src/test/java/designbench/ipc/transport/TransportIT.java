package designbench.ipc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every transport over a real socket (or real shared memory), with its peer in a separate JVM and on a thread:
 * the bytes come back intact, a frame of the wrong size is rejected on either side, and closing the peer removes
 * its files and ends its process. The ring's wait is shortened by the build (designbench.ipc.waitSeconds).
 */
class TransportIT {
    /** The smallest frame and every size the benchmarks send. */
    private static final int[] SIZES = {Frames.MIN_PAYLOAD_BYTES, 64, 1024, 65536, Frames.MAX_PAYLOAD_BYTES};

    @ParameterizedTest
    @EnumSource(Transport.class)
    void echoesEverySizeIntactAcrossProcesses(Transport transport) throws Exception {
        echoesEverySizeIntact(transport, PeerKind.PROCESS);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void echoesEverySizeIntactAcrossThreads(Transport transport) throws Exception {
        echoesEverySizeIntact(transport, PeerKind.THREAD);
    }

    private static void echoesEverySizeIntact(Transport transport, PeerKind kind)
            throws Exception {
        String unavailable = transport.unavailableReason(kind, Placement.ANY_CPU);
        assumeTrue(unavailable == null, () -> transport + ": " + unavailable);
        Peer peer = Peer.start(transport, PeerServer.Mode.ECHO, kind, Placement.ANY_CPU);
        Path privateDir = peer.privateDir();
        Optional<ProcessHandle> process = peer.process();
        assertEquals(kind == PeerKind.PROCESS, process.isPresent());
        try (peer; Connection connection = peer.connect()) {
            long sequence = 0;
            for (int size : SIZES) {
                ByteBuffer frame = Frames.newFrame(size);
                Frames.setSequence(frame, ++sequence);
                connection.send(frame);
                ByteBuffer echo = connection.receive(size);
                assertEquals(frame.duplicate().position(Frames.HEADER_BYTES), echo,
                        transport + " echoed " + size + " bytes intact");
            }
        }
        assertFalse(Files.exists(privateDir), "the peer's folder and socket files are gone");
        if (process.isPresent()) {
            process.get().onExit().get(10, TimeUnit.SECONDS);
            assertFalse(process.get().isAlive(), "the peer process is gone");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anEchoOfTheWrongSizeIsABadFrame(Transport transport) throws IOException {
        assumeTrue(transport.unavailableReason() == null);
        PeerKind quickest = transport.isNative() ? PeerKind.PROCESS : PeerKind.THREAD;
        try (Peer peer = Peer.start(transport, PeerServer.Mode.ECHO, quickest, Placement.ANY_CPU);
             Connection connection = peer.connect()) {
            connection.send(Frames.newFrame(64));
            BadFrameException bad = assertThrows(BadFrameException.class, () -> connection.receive(128));
            assertTrue(bad.getMessage().contains("length prefix 64, expected 128"), bad.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void thePeerRejectsABadLengthPrefixAndKeepsServing(Transport transport) throws IOException {
        assumeTrue(transport.unavailableReason() == null);
        try (Peer peer = Peer.start(transport, PeerServer.Mode.ECHO, PeerKind.PROCESS, Placement.ANY_CPU)) {
            try (Connection connection = peer.connect()) {
                ByteBuffer frame = Frames.newFrame(64);
                frame.putInt(0, 3); // shorter than any valid payload
                connection.send(frame);
                // The peer answers nothing and closes the connection (sockets) or stops serving the ring.
                assertThrows(IOException.class, () -> connection.receive(64));
            }
            if (transport.servesSeveralConnections()) {
                try (Connection next = peer.connect()) {
                    next.send(Frames.newFrame(64));
                    assertEquals(64, next.receive(64).remaining(), "the peer still serves new connections");
                }
            }
            assertTrue(peer.process().orElseThrow().isAlive(), "a bad frame does not take the peer down");
        }
    }

    @Test
    void pinningMovesEveryThreadOfBothEndsToOneCpu() throws Exception {
        assumeTrue(Placement.ONE_CPU.unavailableReason() == null, Placement.ONE_CPU::unavailableReason);
        long self = ProcessHandle.current().pid();
        String before = allowedCpus(self);
        try (Peer peer = Peer.start(Transport.NIO_TCP, PeerServer.Mode.ECHO, PeerKind.PROCESS, Placement.ONE_CPU);
             Connection connection = peer.connect()) {
            long peerPid = peer.process().orElseThrow().pid();
            assertEquals(before, allowedCpus(peerPid), "the peer starts where this JVM may run");
            Placement.ONE_CPU.pin(peer);
            String cpu = Placement.firstCpuOf(before);
            for (long pid : new long[] {self, peerPid}) {
                try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                    for (Path thread : threads.toList()) {
                        String allowed;
                        try {
                            allowed = allowedCpus(thread);
                        } catch (NoSuchFileException ended) {
                            continue; // a thread that ended since the listing
                        }
                        assertEquals(cpu, allowed, pid + "'s thread " + thread.getFileName());
                    }
                }
            }
            connection.send(Frames.newFrame(64));
            assertEquals(64, connection.receive(64).remaining(), "still exchanging once pinned");
        } finally {
            new ProcessBuilder("taskset", "--all-tasks", "--cpu-list", "--pid", before, String.valueOf(self))
                    .inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String allowedCpus(long pid) throws IOException {
        return allowedCpus(Path.of("/proc", String.valueOf(pid)));
    }

    /** Cpus_allowed_list of a process or thread folder under /proc. */
    private static String allowedCpus(Path procFolder) throws IOException {
        return Files.readAllLines(procFolder.resolve("status")).stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElseThrow();
    }
}
