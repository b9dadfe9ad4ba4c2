package designbench.results.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import designbench.contract.Environment;
import designbench.contract.Profile;
import designbench.contract.Question;
import designbench.results.table.Measurement;
import designbench.results.table.QuestionTable;
import designbench.results.table.RunLength;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's profile line states what each suite that ran did, for runs recorded before and after the fix. */
class ProfileLineTest {

    private static final Question QUESTION = new Question("fixture", "Which is faster?",
            "designbench.fixture.FixtureBench", null, null, null, "");

    @Test
    void aProxyOnlyRunStatesItsLoadRunsNotJmhForks() {
        Environment env = environment(new Environment.Run("r", Profile.QUICK, ".*Proxy.*", "t"));
        String line = SummaryWriter.describeProfile(env, List.of(table(new RunLength(1, 0, 0, "1 s", 0, "1 s"))),
                List.of());
        assertEquals("quick (no JMH suite ran); the proxy scenarios: " + Profile.QUICK.load().describe(), line);
    }

    @Test
    void aJmhOnlyRunStatesItsForksAndIterations() {
        Environment env = environment(new Environment.Run("r", Profile.STANDARD, ".*", "t"));
        String line = SummaryWriter.describeProfile(env, List.of(table(new RunLength(0, 2, 1, "500 ms", 4,
                "250 ms"))), List.of());
        assertEquals(Profile.STANDARD.describe(), line);
    }

    @Test
    void aRunRecordedBeforeTheLoadRunsWereWrittenDownSendsTheReaderToTheTables() {
        Environment env = environment(new Environment.Run("r", "quick: 1 fork, 1 × 200 ms warm-up", ".*", "t",
                null, null, null));
        String line = SummaryWriter.describeProfile(env, List.of(table(new RunLength(1, 0, 0, "1 s", 0, "1 s"))),
                List.of());
        assertEquals("quick (no JMH suite ran); the proxy scenarios ran their own load runs for this profile, "
                + "stated above their tables", line);
    }

    private static QuestionTable table(RunLength length) {
        Measurement row = Measurement.measured("designbench.fixture.FixtureBench.run", "thrpt", Map.of(), 1, 0,
                "ops/s").withRunLength(length);
        return new QuestionTable(QUESTION, List.of(new QuestionTable.Row(row, null, null)));
    }

    private static Environment environment(Environment.Run run) {
        Environment base = SummaryWriterGoldenTest.fixedEnvironment();
        return new Environment(base.machineId(), base.machine(), base.jvm(), base.components(), base.git(), run);
    }
}
