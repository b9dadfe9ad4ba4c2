package designbench.ipc.transport;

/** The far end of an exchange: listens on its endpoint and serves each connection in its {@link Mode}. */
public interface PeerServer extends AutoCloseable {
    /** What the peer does with each frame it receives. */
    enum Mode {
        /** Sends every frame back unchanged: ping-pong and request/response. */
        ECHO,
        /** Reads and checks every frame, sends nothing: one-way streaming. */
        SINK
    }

    /** Where clients connect: a port on 127.0.0.1, or a file in the peer's private folder. */
    Endpoint endpoint();

    /** Stops listening, ends the connections and removes any socket or ring file it created. */
    @Override
    void close();
}
