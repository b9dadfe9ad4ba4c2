package designbench.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a JMH benchmark class whose thread count is a dimension ({@code @Threads(Threads.MAX)}): the kinds of JMH
 * worker threads the results launcher sweeps it with. Without it a sweep runs with both kinds; a class whose
 * threads stand for something else (bench-ipc's request/response clients, one connection each) names
 * {@link ThreadKind#PLATFORM} only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SweptThreadKinds {
    /** The worker-thread kinds (they run platform first, then virtual). */
    ThreadKind[] value();

    /** A kind of JMH worker thread, by the name JMH's {@code -Djmh.executor} takes. */
    enum ThreadKind {
        PLATFORM,
        VIRTUAL
    }
}
