package designbench.threads.locks;

/** A shared counter that many threads increment: the pure-write shape of shared state. */
public interface Counter {
    /** Adds one. */
    void increment();

    /** The current count; once all incrementing threads are done, the number of increments. */
    long get();
}
