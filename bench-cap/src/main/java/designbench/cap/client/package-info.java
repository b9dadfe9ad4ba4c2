/** The client JVM in each host: an open-loop workload that records every operation. */
package designbench.cap.client;
