package designbench.cap.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the short system commands the testbed needs (ip, bridge), each bounded in time, failures with their output. */
public final class Commands {
    private static final long LIMIT_SECONDS = 20;

    private Commands() {
    }

    /** The executable's path, from PATH or the sbin folders (often missing from a non-login PATH), or null. */
    public static String find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + ":/usr/sbin:/sbin:/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    public static void run(List<String> command) throws IOException {
        output(command);
    }

    public static void runAllowingFailure(List<String> command) throws IOException {
        exec(command);
    }

    public static String output(List<String> command) throws IOException {
        Result result = exec(command);
        if (result.exit != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + result.exit + "): "
                    + result.output.trim());
        }
        return result.output;
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + LIMIT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
