/**
 * The CAP question, measured: under a real network partition between three hosts on this machine, what a CP store
 * (etcd, Raft) refuses and how stale an AP store (Hazelcast, split-brain merge) reads. Commands in
 * {@link designbench.cap.CapMain}; tables cap-availability, cap-consistency and cap-partitions.
 */
package designbench.cap;
