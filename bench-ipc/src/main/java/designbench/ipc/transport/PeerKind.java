package designbench.ipc.transport;

/** Where the other end of an exchange runs. */
public enum PeerKind {
    /** In a separate JVM: inter-process communication, the question asked. */
    PROCESS,
    /** On a thread of the benchmark's own JVM: the same exchange without the process boundary. */
    THREAD
}
