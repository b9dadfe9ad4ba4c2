package designbench.cap.client;

import designbench.cap.history.Op;
import designbench.cap.store.Store;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client's open-loop workload: at a fixed rate, whatever the answers, a read or a write of one of a few keys,
 * each on a virtual thread of its own, timed from its intended start (so a slow answer never delays the next
 * operation, as in wrk2). Writes carry values unique to the client and sequence number ({@code n1-42}), so every
 * value a read returns names the write it came from. Reads rotate through the store's read modes.
 */
public final class Workload {
    /** The convergence key, outside the workload's keys. */
    public static final String MARKER_KEY = "convergence";

    private final Store store;
    private final String client;
    private final int keys;
    private final long periodNanos;
    private final long timeoutNanos;
    private final SplittableRandom random;
    private final Consumer<Op> record;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running;
    private Thread scheduler;

    public Workload(Store store, String client, int keys, double ratePerSecond, long timeoutNanos, long seed,
                    Consumer<Op> record) {
        this.store = store;
        this.client = client;
        this.keys = keys;
        this.periodNanos = (long) (1e9 / ratePerSecond);
        this.timeoutNanos = timeoutNanos;
        this.random = new SplittableRandom(seed);
        this.record = record;
    }

    public static String key(int index) {
        return "k" + index;
    }

    /** Starts issuing operations, the first now. */
    public synchronized void start() {
        running = true;
        scheduler = Thread.ofPlatform().name("workload-" + client).daemon().start(this::schedule);
    }

    /** Stops issuing and waits for the operations in flight (each ends within its timeout); returns how many ran. */
    public synchronized long stop() throws InterruptedException {
        running = false;
        if (scheduler != null) {
            scheduler.join();
        }
        threads.shutdown();
        threads.awaitTermination(timeoutNanos * 3, TimeUnit.NANOSECONDS);
        return sequence.get();
    }

    private void schedule() {
        List<String> modes = store.readModes();
        long next = System.nanoTime();
        int reads = 0;
        while (running) {
            long intended = next;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            String key = key(random.nextInt(keys));
            long seq = sequence.incrementAndGet();
            if (random.nextBoolean()) {
                String mode = modes.get(reads++ % modes.size());
                threads.execute(() -> run(Op.WORKLOAD, Op.READ, key, null, mode, intended));
            } else {
                String value = client + "-" + seq;
                threads.execute(() -> run(Op.WORKLOAD, Op.WRITE, key, value, "", intended));
            }
            next += periodNanos;
        }
    }

    /** Runs one operation and records it; also used for the marker write and the final reads. */
    public Op run(String purpose, String type, String key, String value, String mode, long intended) {
        Op op = execute(purpose, type, key, value, mode, intended);
        if (op != null) {
            record.accept(op);
        }
        return op;
    }

    /** Runs one operation without recording it: the convergence polls, which are not part of the history. */
    public Op probe(String key, String mode) {
        return execute(Op.MARKER, Op.READ, key, null, mode, System.nanoTime());
    }

    private Op execute(String purpose, String type, String key, String value, String mode, long intended) {
        long invoke = System.nanoTime();
        CompletableFuture<Store.Answer> future;
        Op op;
        try {
            future = Op.READ.equals(type) ? store.read(key, mode) : store.write(key, value);
            Store.Answer answer = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            op = new Op(client, purpose, type, key, Op.READ.equals(type) ? answer.value() : value, mode, intended,
                    invoke, System.nanoTime(), Op.OK, answer.detail());
        } catch (TimeoutException e) {
            op = new Op(client, purpose, type, key, Op.READ.equals(type) ? null : value, mode, intended, invoke,
                    System.nanoTime(), Op.TIMEOUT, "no answer within " + timeoutNanos / 1_000_000 + " ms");
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            op = new Op(client, purpose, type, key, Op.READ.equals(type) ? null : value, mode, intended, invoke,
                    System.nanoTime(), store.errorKind(cause), String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return op;
    }
}
