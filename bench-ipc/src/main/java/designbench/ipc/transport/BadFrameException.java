package designbench.ipc.transport;

import java.io.IOException;

/** A frame whose length prefix is not what the exchange expects: the bytes on the wire cannot be trusted. */
public final class BadFrameException extends IOException {
    public BadFrameException(String message) {
        super(message);
    }
}
