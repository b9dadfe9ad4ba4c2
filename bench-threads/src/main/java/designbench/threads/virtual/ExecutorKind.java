package designbench.threads.virtual;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The executors a service might run its tasks on; constants read as table labels. */
public enum ExecutorKind {
    /** One new virtual thread per task: the JDK's recommended way to use virtual threads. */
    VIRTUAL_PER_TASK {
        @Override
        public ExecutorService create(int taskCount) {
            return Executors.newVirtualThreadPerTaskExecutor();
        }
    },
    /** A fixed pool of platform threads, one per core: the classic choice for CPU-bound work. */
    PLATFORM_POOL_CORES {
        @Override
        public ExecutorService create(int taskCount) {
            return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        }
    },
    /** A fixed pool with one platform thread per concurrent task: full concurrency, paid in OS threads. */
    PLATFORM_POOL_PER_TASK {
        @Override
        public ExecutorService create(int taskCount) {
            return Executors.newFixedThreadPool(taskCount);
        }
    };

    /**
     * A new executor of this kind.
     *
     * @param taskCount how many tasks will be submitted at once, 1..100_000; sizes the per-task pool
     */
    public abstract ExecutorService create(int taskCount);
}
