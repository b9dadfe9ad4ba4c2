package designbench.ipc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C reference's build: found compilers, a missing one, and the shapes it cannot run in. */
class NativeBuildTest {
    @Test
    void withoutACompilerTheCRowsAreUnavailableWithTheReason(@TempDir Path emptyFolder) {
        NativeBuild build = NativeBuild.build(emptyFolder.toString());
        assertNull(build.peerProgram());
        assertTrue(build.unavailableReason().contains("no C compiler"), build.unavailableReason());
        assertNull(NativeBuild.build(null).library());
    }

    @Test
    void theFirstCompilerOnThePathIsUsed(@TempDir Path folder) throws Exception {
        Path first = Files.createDirectory(folder.resolve("first"));
        Path second = Files.createDirectory(folder.resolve("second"));
        Path gcc = Files.createFile(first.resolve("gcc"));
        Path cc = Files.createFile(second.resolve("cc"));
        assumeTrue(gcc.toFile().setExecutable(true) && cc.toFile().setExecutable(true));
        // cc is preferred over gcc wherever it is on the PATH: it is the system's default compiler.
        assertEquals(cc, NativeBuild.findCompiler(first + java.io.File.pathSeparator + second));
        assertEquals(gcc, NativeBuild.findCompiler(first.toString()));
    }

    @Test
    void theSourceShipsWithTheClasses() throws Exception {
        String source = new String(NativeBuild.readSource(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(source.contains("DESIGNBENCH_JNI"), "one file, built as the peer and as the JNI library");
    }

    @Test
    void theCReferenceRunsOnlyAsTwoProcessesAndItsSpinNeedsTwoCpus() {
        assumeTrue(Transport.C_TCP.unavailableReason() == null, () -> "no C build here: "
                + Transport.C_TCP.unavailableReason());
        assertTrue(Transport.C_TCP.unavailableReason(PeerKind.THREAD, Placement.ANY_CPU).contains("peer=PROCESS"));
        assertNull(Transport.C_UDS.unavailableReason(PeerKind.PROCESS, Placement.ANY_CPU));
        assertTrue(Transport.C_SHM_SPIN.unavailableReason(PeerKind.PROCESS, Placement.ONE_CPU)
                .contains("pinned to one CPU"));
        UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
                () -> Transport.C_TCP.checkAvailable(PeerKind.THREAD, Placement.ANY_CPU));
        assertTrue(thrown.getMessage().startsWith("unavailable: "), thrown.getMessage());
    }
}
