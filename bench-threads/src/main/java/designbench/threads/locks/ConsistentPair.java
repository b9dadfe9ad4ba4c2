package designbench.threads.locks;

/**
 * Two fields that must stay equal: the read-mostly shape of shared state. A writer advances both; a reader must
 * never see one advanced without the other (a torn pair).
 */
public interface ConsistentPair {
    /** Advances both fields by one, as one step. */
    void advance();

    /**
     * Both fields, packed as {@code (first << 32) | second} so that one call returns one consistent snapshot.
     * Use {@link #first(long)} and {@link #second(long)} to unpack.
     */
    long read();

    static long pack(int first, int second) {
        return ((long) first << 32) | (second & 0xFFFF_FFFFL);
    }

    static int first(long packed) {
        return (int) (packed >>> 32);
    }

    static int second(long packed) {
        return (int) packed;
    }
}
