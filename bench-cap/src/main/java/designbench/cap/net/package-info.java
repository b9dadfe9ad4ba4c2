/** The three test hosts (network namespaces on a bridge) and the partition between them. */
package designbench.cap.net;
