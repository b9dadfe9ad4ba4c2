package designbench.proxy.scenario;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What wrk's closing summary says: its request rate, and its errors by kind, from the "Socket errors: connect N, read
 * N, write N, timeout N" and "Non-2xx or 3xx responses: N" lines it prints only when there were any.
 *
 * @param requestsPerSecond its "Requests/sec" line
 * @param errors            kind (connect, read, write, timeout, status_not_2xx_3xx) to count, only the kinds that
 *                          occurred
 */
record WrkSummary(double requestsPerSecond, Map<String, Long> errors) {
    private static final String RATE = "Requests/sec:";
    private static final String SOCKET_ERRORS = "Socket errors:";
    private static final String BAD_STATUS = "Non-2xx or 3xx responses:";

    /** Reads wrk's output; fails, quoting it, when the rate line is missing or a line it reads is malformed. */
    static WrkSummary parse(List<String> lines) throws IOException {
        Double rate = null;
        Map<String, Long> errors = new LinkedHashMap<>();
        try {
            for (String raw : lines) {
                String line = raw.trim();
                if (line.startsWith(RATE)) {
                    rate = Double.parseDouble(line.substring(RATE.length()).trim());
                } else if (line.startsWith(SOCKET_ERRORS)) {
                    for (String part : line.substring(SOCKET_ERRORS.length()).split(",")) {
                        String[] kindAndCount = part.trim().split("\\s+");
                        if (kindAndCount.length != 2) {
                            throw new NumberFormatException("'" + part.trim() + "'");
                        }
                        add(errors, kindAndCount[0], Long.parseLong(kindAndCount[1]));
                    }
                } else if (line.startsWith(BAD_STATUS)) {
                    add(errors, "status_not_2xx_3xx", Long.parseLong(line.substring(BAD_STATUS.length()).trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw new IOException("cannot read wrk's summary (" + e.getMessage() + "): " + String.join(" | ", lines));
        }
        if (rate == null) {
            throw new IOException("wrk printed no " + RATE + " line: " + String.join(" | ", lines));
        }
        return new WrkSummary(rate, Map.copyOf(errors));
    }

    private static void add(Map<String, Long> errors, String kind, long count) {
        if (count > 0) {
            errors.merge(kind, count, Long::sum);
        }
    }
}
