package designbench.runner.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder a run writes into. Everything is written into a hidden staging folder first; only a finished run is
 * renamed to {@code runs/<machine>/<runId>}, in one step. A finished run folder is never written to again, and a
 * run killed halfway leaves only a hidden {@code .<runId>.incomplete} folder, which no table reads.
 */
public final class RunFolder {
    private final Path staging;
    private final Path target;

    private RunFolder(Path staging, Path target) {
        this.staging = staging;
        this.target = target;
    }

    /**
     * Creates the staging folder, failing at once (before any benchmark runs) when the runs folder cannot be
     * written or the run folder exists already.
     */
    public static RunFolder create(Path runsDir, String machineId, String runId) throws IOException {
        Path machineDir = runsDir.resolve(machineId);
        Path target = machineDir.resolve(runId);
        Path staging = machineDir.resolve("." + runId + ".incomplete");
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target + ": run folders are never overwritten; wait a second");
        }
        try {
            Files.createDirectories(machineDir);
            Files.createDirectory(staging);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write the results folder " + machineDir + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot create the run folder under " + machineDir + ": "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()), e);
        }
        if (!Files.isWritable(staging)) {
            throw new IOException("cannot write the results folder " + staging);
        }
        return new RunFolder(staging, target);
    }

    /** Where the suites and summaries write while the run is in progress. */
    public Path workingDir() {
        return staging;
    }

    /** Where the run will be once finished. */
    public Path finalDir() {
        return target;
    }

    /** Publishes the finished run under its final name in one rename. */
    public Path finish() throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target + " appeared during the run; this run stays in " + staging);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
