package designbench.threads.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * jcstress's annotation processor must have generated the test list with every test, or `-P bench` would run
 * nothing (jcstress even fails with a NullPointerException on an empty list). Running them takes minutes, so the
 * plain build checks that each is built and found; `mvn verify -P bench` runs them.
 */
class StressTestListTest {
    @Test
    void everyStressTestIsInTheGeneratedList() {
        Set<String> expected = Stream.concat(
                        Stream.of(LockedCounterStress.class.getDeclaredClasses()),
                        Stream.of(ConsistentPairStress.class.getDeclaredClasses()))
                .map(Class::getName)
                .map(name -> name.replace('$', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = TestList.tests().stream()
                .filter(name -> name.startsWith("designbench.threads.locks."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(18, expected.size(), "nine strategies or controls per shape");
        assertEquals(expected, listed);
    }
}
