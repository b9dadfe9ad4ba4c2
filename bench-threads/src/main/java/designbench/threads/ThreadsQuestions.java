package designbench.threads;

import designbench.contract.Question;
import designbench.contract.QuestionSet;
import designbench.contract.ThreadSweep;
import designbench.threads.locks.LockKind;
import designbench.threads.locks.LockedCounterBench;
import designbench.threads.locks.ReadMostlyPairBench;
import designbench.threads.virtual.BlockingTasksBench;
import designbench.threads.virtual.CpuTasksBench;
import designbench.threads.virtual.ExecutorKind;
import designbench.threads.virtual.HandoffBench;
import designbench.threads.virtual.HeldLock;
import designbench.threads.virtual.PinningBench;
import designbench.threads.virtual.ThreadKind;
import designbench.threads.virtual.ThreadStartBench;
import java.util.List;

/** The threads suite's questions: platform or virtual threads, and which lock strategy under contention. */
public final class ThreadsQuestions implements QuestionSet {
    private static final String OVERSUBSCRIBED = " Columns beyond the core count are oversubscribed.";

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Question> questions() {
        String threads = ThreadSweep.THREADS_PARAM;
        return List.of(
                new Question("threads-start", "What does it cost to start and join one thread, platform or virtual?",
                        ThreadStartBench.class.getName(), "threadKind", ThreadKind.PLATFORM.name(), null,
                        "A ratio below 1 means a virtual thread is that fraction of a platform thread's cost."),
                new Question("threads-handoff",
                        "How long is a hand-off round trip between two threads of each kind?",
                        HandoffBench.class.getName(), "threadKind", ThreadKind.PLATFORM.name(), null,
                        "Both threads are of the kind named; the ratio is virtual-to-virtual over "
                                + "platform-to-platform."),
                new Question("threads-blocking-tasks",
                        "How long does a burst of blocking tasks (sleeping blockMillis each) take on each executor?",
                        BlockingTasksBench.class.getName(), "executor", ExecutorKind.PLATFORM_POOL_PER_TASK.name(),
                        null, "The baseline is the best a platform design can do here (one thread per task), "
                                + "so the ratio isolates the price of OS threads."),
                new Question("threads-cpu-tasks", "Do virtual threads bring anything to CPU-bound tasks?",
                        CpuTasksBench.class.getName(), "executor", ExecutorKind.PLATFORM_POOL_CORES.name(), null,
                        "The baseline is the classic right answer for CPU-bound work, a pool sized to the cores."),
                new Question("threads-pinning",
                        "On this JDK, does blocking inside synchronized still pin a virtual thread to its carrier?",
                        PinningBench.class.getName(), "lock", HeldLock.REENTRANT_LOCK.name(), null,
                        "Near 1: monitors no longer pin (JDK 24+, JEP 491); near taskCount/cores: they pin."),
                new Question("locks-counter", "Which lock strategy scales best for a shared counter (pure writes)?",
                        LockedCounterBench.class.getName(), "lock", LockKind.SYNCHRONIZED.name(), threads,
                        "Increments per µs summed over all threads; the ratio is to " + LockKind.SYNCHRONIZED
                                + " in the same column." + OVERSUBSCRIBED + " Virtual workers are not "
                                + "time-sliced: see LockedCounterBench's Javadoc before comparing VIRTUAL rows."),
                new Question("locks-read-mostly",
                        "Which lock strategy scales best for a small read-mostly structure that must stay "
                                + "consistent?",
                        ReadMostlyPairBench.class.getName(), "lock", LockKind.SYNCHRONIZED.name(), threads,
                        "Operations per µs summed over all threads, readPercent of them reads; the ratio is to "
                                + LockKind.SYNCHRONIZED + " in the same column." + OVERSUBSCRIBED
                                + " Virtual workers are not time-sliced: see LockedCounterBench's Javadoc."));
    }
}
