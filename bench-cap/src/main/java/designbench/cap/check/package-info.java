/**
 * What a history says: the linearizability check (per key, Wing-Gong with Lowe's memoisation), stale reads, lost
 * writes, convergence, and the tables and verdicts built from them.
 */
package designbench.cap.check;
