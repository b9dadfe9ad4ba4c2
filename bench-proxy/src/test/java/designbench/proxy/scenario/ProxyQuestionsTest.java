package designbench.proxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.contract.Question;
import designbench.contract.QuestionSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The proxy suite declares one question per scenario, found as a service, with the figures the scenarios use. */
class ProxyQuestionsTest {
    private static final List<Question> QUESTIONS = new ProxyQuestions().questions();

    @Test
    void everyScenarioHasAQuestionAndTheRecoveryTimeOneOfItsOwn() {
        Set<String> classes = QUESTIONS.stream().map(Question::benchmarkClass).collect(Collectors.toSet());
        for (Scenario scenario : ScenarioSuite.SCENARIOS) {
            assertTrue(classes.contains(scenario.getClass().getName()), scenario.benchmark());
        }
        assertTrue(classes.contains(Fault.RECOVERY.substring(0, Fault.RECOVERY.lastIndexOf('.'))));
        assertTrue(classes.contains(ProxySpof.FAILOVER.substring(0, ProxySpof.FAILOVER.lastIndexOf('.'))));
        assertTrue(classes.contains(ProxySpof.FLOOD.substring(0, ProxySpof.FLOOD.lastIndexOf('.'))));
        assertEquals(QUESTIONS.size(), QUESTIONS.stream().map(Question::id).distinct().count(), "unique ids");
    }

    @Test
    void theNotesStateTheFiguresTheScenariosRunWith() {
        assertTrue(note("proxy-fault-recovery").contains("read every " + Fault.POLL_MILLIS + " ms"));
        assertTrue(note("proxy-flood").contains(Flood.LIMIT + " requests/s (burst " + Flood.LIMIT + ")"));
        assertTrue(note("proxy-cache").contains("over " + CacheGain.KEY_COUNT + " keys"));
        assertTrue(note("proxy-cost").contains("closed loop over " + ScenarioContext.CONNECTIONS + " connections"));
        assertTrue(QUESTIONS.stream().filter(Question::timeSeries).map(Question::id).toList()
                .equals(List.of("proxy-fault", "proxy-spof")));
    }

    @Test
    void theSuiteListsItsQuestionsAsAService() {
        assertTrue(ServiceLoader.load(QuestionSet.class).stream()
                .anyMatch(provider -> provider.type() == ProxyQuestions.class));
    }

    private static String note(String id) {
        return QUESTIONS.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow().readingNote();
    }
}
