/** The stores under test as a client sees them: etcd through its JSON gateway, Hazelcast embedded. */
package designbench.cap.store;
