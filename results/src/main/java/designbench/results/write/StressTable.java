package designbench.results.write;

import designbench.contract.StressOutcome;
import designbench.contract.StressTestResult;
import java.util.List;
import java.util.Locale;

/** The jcstress verdict table: per test, each outcome with its count and expectation, and the test's verdict. */
final class StressTable {
    static final String QUESTION_ID = "jcstress";
    static final String QUESTION_TITLE = "Does each strategy keep its invariant under races?";
    /** The value of summary.csv's mode column on jcstress rows. */
    static final String MODE = "jcstress";

    private StressTable() {
    }

    static void appendTo(StringBuilder out, List<StressTestResult> tests) {
        out.append("\n## ").append(QUESTION_ID).append(": ").append(QUESTION_TITLE).append("\n\n")
                .append("Verdicts: OK, only acceptable outcomes; FAILED, a forbidden outcome or an error; ")
                .append("INTERESTING, an allowed outcome worth a look; CONTROL_CAUGHT, a deliberately broken ")
                .append("control showed its bad outcome, which proves the test can fail; CONTROL_MISSED, it did ")
                .append("not, so at this run length the test proved nothing. jcstress's own report is linked in ")
                .append("the suites table.\n\n");
        MarkdownTable table = new MarkdownTable(List.of("test", "verdict", "outcome", "samples", "expectation",
                "meaning"));
        for (StressTestResult test : tests) {
            boolean first = true;
            for (StressOutcome outcome : test.outcomes()) {
                table.row(List.of(first ? test.shortName() : "",
                        first ? verdictCell(test) : "",
                        outcome.id(), String.format(Locale.ROOT, "%,d", outcome.count()),
                        outcome.expectation(), outcome.description()));
                first = false;
            }
            if (test.outcomes().isEmpty()) {
                table.row(List.of(test.shortName(), verdictCell(test), "", "", "", ""));
            }
        }
        table.appendTo(out);
    }

    private static String verdictCell(StressTestResult test) {
        String verdict = switch (test.verdict()) {
            case FAILED, CONTROL_MISSED -> "**" + test.verdict() + "**";
            default -> test.verdict().toString();
        };
        return test.error() == null ? verdict : verdict + ": " + test.error();
    }
}
