package designbench.threads.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Submits a batch of tasks to an executor at once and waits for all of them: one benchmark operation. */
final class TaskBatch {
    private TaskBatch() {
    }

    /**
     * Runs {@code taskCount} tasks concurrently and returns the sum of their results.
     *
     * @param taskForIndex builds the task for index 0..taskCount-1
     */
    static long runAll(ExecutorService executor, int taskCount, IntFunction<Callable<Long>> taskForIndex)
            throws InterruptedException, ExecutionException {
        List<Future<Long>> futures = new ArrayList<>(taskCount);
        for (int i = 0; i < taskCount; i++) {
            futures.add(executor.submit(taskForIndex.apply(i)));
        }
        long sum = 0;
        for (Future<Long> future : futures) {
            sum += future.get();
        }
        return sum;
    }
}
