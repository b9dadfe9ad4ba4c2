package designbench.results.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import designbench.contract.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog is the suites' own questions, suite by suite, and still tables a class no suite claims. */
class QuestionCatalogTest {
    @Test
    void theSuitesQuestionsComeInSuiteOrderWithUniqueIds() {
        List<String> ids = QuestionCatalog.QUESTIONS.stream().map(Question::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
        assertEquals("threads-start", ids.get(0));
        assertTrue(ids.indexOf("locks-read-mostly") < ids.indexOf("ipc-ping-pong"), ids.toString());
        assertTrue(ids.indexOf("ipc-request-response") < ids.indexOf("proxy-generator"), ids.toString());
        assertEquals("proxy-upstream", ids.get(ids.size() - 1));
    }

    @Test
    void aClassNoSuiteClaimsGetsATableOfItsOwn() {
        Question unknown = QuestionCatalog.forBenchmark("designbench.fixture.NewBench.run");
        assertEquals("newbench", unknown.id());
        assertTrue(unknown.title().contains("not in the question catalog"));
        assertEquals(QuestionCatalog.QUESTIONS.size(), QuestionCatalog.order(unknown));
    }
}
