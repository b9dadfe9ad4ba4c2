package designbench.ipc.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end (taskset, the C compiler) and returns what it printed, or says why it failed. */
final class ExternalCommand {
    private ExternalCommand() {
    }

    /**
     * Runs {@code command} with its standard error merged into its output.
     *
     * @param timeoutSeconds how long it may run before it is ended and counted as failed
     * @return everything it printed
     * @throws IOException when it cannot start, does not end in time, exits non-zero (its output in the message) or
     *                     the wait is interrupted
     */
    static String run(List<String> command, long timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + output.trim());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
