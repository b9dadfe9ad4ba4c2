package designbench.ipc.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Compiles the C reference ({@code designbench_ipc.c}, shipped in this jar) with the system's C compiler, once per
 * source, JDK and compiler: into the peer program and the client's JNI library, kept in a folder under
 * {@code java.io.tmpdir} named by a hash of the three, so later forks reuse them. A folder is built under a temporary
 * name and renamed into place whole, so forks that build at once never see half a build.
 *
 * @param peerProgram the peer executable, or null when it could not be built
 * @param library     the JNI library, or null when it could not be built
 * @param unavailableReason why the C rows cannot run here, or null when they can
 */
record NativeBuild(Path peerProgram, Path library, String unavailableReason) {
    static final String SOURCE = "designbench_ipc.c";
    static final String PEER_PROGRAM = "ipc-peer";
    static final String LIBRARY = "libdesignbench-ipc.so";
    private static final long COMPILE_SECONDS = 120;

    private static NativeBuild built;

    /** The build for this JVM, made on first use. */
    static synchronized NativeBuild get() {
        if (built == null) {
            built = build(System.getenv("PATH"));
        }
        return built;
    }

    /**
     * Builds (or finds built) the C reference with the first compiler on {@code pathVariable}.
     *
     * @param pathVariable a PATH-style list of folders to look for cc, gcc or clang in; null for none
     */
    static NativeBuild build(String pathVariable) {
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            return unavailable("the C reference is built for Linux; this is " + System.getProperty("os.name"));
        }
        Path compiler = findCompiler(pathVariable);
        if (compiler == null) {
            return unavailable("no C compiler (cc, gcc or clang) on the PATH; install one (Debian: gcc) for the C "
                    + "reference rows");
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jniHeaders = javaHome.resolve("include");
        if (!Files.isRegularFile(jniHeaders.resolve("jni.h"))
                || !Files.isRegularFile(jniHeaders.resolve("linux").resolve("jni_md.h"))) {
            return unavailable("this JDK has no JNI headers (" + jniHeaders + "/jni.h); a full JDK has them");
        }
        try {
            byte[] source = readSource();
            Path folder = Path.of(System.getProperty("java.io.tmpdir"),
                    "designbench-native-" + hash(source, javaHome.toString(), compiler.toString()));
            if (!Files.isExecutable(folder.resolve(PEER_PROGRAM)) || !Files.isRegularFile(folder.resolve(LIBRARY))) {
                compileInto(folder, source, compiler, jniHeaders);
            }
            return new NativeBuild(folder.resolve(PEER_PROGRAM), folder.resolve(LIBRARY), null);
        } catch (IOException e) {
            return unavailable("the C reference did not build: " + e.getMessage());
        }
    }

    private static NativeBuild unavailable(String reason) {
        return new NativeBuild(null, null, reason);
    }

    private static void compileInto(Path folder, byte[] source, Path compiler, Path jniHeaders) throws IOException {
        Path building = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".building-");
        try {
            Path sourceFile = Files.write(building.resolve(SOURCE), source);
            List<String> common = List.of(compiler.toString(), "-O2", "-std=c11", "-Wall", "-pthread");
            ExternalCommand.run(concat(common, "-o", building.resolve(PEER_PROGRAM).toString(),
                    sourceFile.toString()), COMPILE_SECONDS);
            ExternalCommand.run(concat(common, "-shared", "-fPIC", "-DDESIGNBENCH_JNI", "-I" + jniHeaders,
                    "-I" + jniHeaders.resolve("linux"), "-o", building.resolve(LIBRARY).toString(),
                    sourceFile.toString()), COMPILE_SECONDS);
            try {
                Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another fork built it first: use theirs
            } catch (IOException e) {
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
            }
        } finally {
            Peer.deleteRecursively(building);
        }
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    /** The first of cc, gcc and clang found in the folders of a PATH-style list, or null. */
    static Path findCompiler(String path) {
        if (path == null) {
            return null;
        }
        for (String name : List.of("cc", "gcc", "clang")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    static byte[] readSource() throws IOException {
        try (InputStream in = NativeBuild.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException(SOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    private static String hash(byte[] source, String... more) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(source);
            for (String part : more) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
