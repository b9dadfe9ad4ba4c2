package designbench.proxy.balance;

/** How a backend group picks the backend for a request. */
public enum Balancing {
    /** Each healthy backend in turn. */
    ROUND_ROBIN,
    /** The healthy backend with the fewest requests in flight; ties go round-robin. */
    LEAST_CONNECTIONS
}
