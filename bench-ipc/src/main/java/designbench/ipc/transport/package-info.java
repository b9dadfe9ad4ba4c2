/**
 * The exchanges the IPC benchmarks time: each {@link designbench.ipc.transport.Transport} (JDK NIO over TCP and Unix
 * domain sockets, junixsocket, Netty NIO and epoll, a shared-memory ring) offers a {@link
 * designbench.ipc.transport.PeerServer} that echoes or swallows length-prefixed frames, and a {@link
 * designbench.ipc.transport.Connection} that sends and receives them; {@link designbench.ipc.transport.Peer} runs the
 * server in a separate JVM ({@link designbench.ipc.transport.PeerMain}) or on a thread, with a chosen CPU placement.
 */
package designbench.ipc.transport;
