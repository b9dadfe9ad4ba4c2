package designbench.contract;

import java.util.List;

/**
 * The questions one suite answers, declared next to its benchmarks with the figures its code uses, and found by the
 * results tables through {@link java.util.ServiceLoader} (each suite lists its implementation in
 * {@code META-INF/services/designbench.contract.QuestionSet}).
 */
public interface QuestionSet {

    /** Where this suite's tables come among all suites' (lower first): threads 10, ipc 20, proxy 30. */
    int order();

    /** Its questions, in the order their tables appear. */
    List<Question> questions();
}
