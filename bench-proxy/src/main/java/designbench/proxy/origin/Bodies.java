package designbench.proxy.origin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

/** Response bodies of a given size, made of a fixed printable pattern shared read-only between responses. */
final class Bodies {

    private static final int PATTERN_BYTES = 64 * 1024;
    private static final ByteBuf PATTERN;

    static {
        byte[] bytes = new byte[PATTERN_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        PATTERN = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
    }

    private Bodies() {
    }

    static ByteBuf of(int size) {
        if (size <= PATTERN_BYTES) {
            return PATTERN.retainedSlice(0, size);
        }
        CompositeByteBuf body = Unpooled.compositeBuffer(size / PATTERN_BYTES + 1);
        for (int left = size; left > 0; left -= PATTERN_BYTES) {
            body.addComponent(true, PATTERN.retainedSlice(0, Math.min(PATTERN_BYTES, left)));
        }
        return body;
    }
}
