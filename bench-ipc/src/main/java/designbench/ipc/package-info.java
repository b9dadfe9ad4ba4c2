/**
 * TCP loopback or Unix domain sockets between co-located processes: what one round trip costs
 * ({@link designbench.ipc.PingPongBench}), how fast one side can stream to the other
 * ({@link designbench.ipc.StreamBench}), and how request/response holds up over several connections
 * ({@link designbench.ipc.RequestResponseBench}), per transport and message size. The transports, the framing and
 * the peer process live in {@link designbench.ipc.transport}.
 */
package designbench.ipc;
