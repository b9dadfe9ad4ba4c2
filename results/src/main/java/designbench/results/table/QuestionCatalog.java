package designbench.results.table;

import designbench.contract.Question;
import designbench.contract.QuestionSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The design questions the suites answer, in the order tables appear: each suite declares its own (a
 * {@link QuestionSet} beside its benchmarks, found through {@link ServiceLoader}), with the figures it runs with. A
 * benchmark class no suite claims still gets a table, named after the class and without ratios, so nothing measured
 * is ever dropped.
 */
public final class QuestionCatalog {
    /** Every suite's questions, suite by suite in their order, each suite's in its own. */
    public static final List<Question> QUESTIONS = ServiceLoader.load(QuestionSet.class).stream()
            .map(ServiceLoader.Provider::get).sorted(Comparator.comparingInt(QuestionSet::order))
            .flatMap(set -> set.questions().stream()).toList();

    private QuestionCatalog() {
    }

    /** The question a benchmark method (fully qualified, as in JMH's JSON) belongs to. */
    public static Question forBenchmark(String benchmark) {
        String benchmarkClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        for (Question question : QUESTIONS) {
            if (question.benchmarkClass().equals(benchmarkClass)) {
                return question;
            }
        }
        String simpleName = benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
        return new Question(simpleName.toLowerCase(Locale.ROOT), simpleName + " (not in the question catalog)",
                benchmarkClass, null, null, null, "No baseline is defined for this class yet.");
    }

    /** Position for ordering tables: catalog order first, then unknown classes. */
    static int order(Question question) {
        for (int i = 0; i < QUESTIONS.size(); i++) {
            if (QUESTIONS.get(i).id().equals(question.id())) {
                return i;
            }
        }
        return QUESTIONS.size();
    }
}
