/**
 * Which lock strategy under contention? {@link designbench.threads.locks.LockedCounterBench} and
 * {@link designbench.threads.locks.ReadMostlyPairBench} measure how each strategy scales with threads, driven by
 * platform and by virtual threads; {@link designbench.threads.locks.LockedCounterStress} and
 * {@link designbench.threads.locks.ConsistentPairStress} prove with jcstress that each keeps its invariant under
 * races, next to deliberately broken controls that must be caught. Both time and prove the same
 * {@link designbench.threads.locks.Counter} and {@link designbench.threads.locks.ConsistentPair} classes.
 */
package designbench.threads.locks;
