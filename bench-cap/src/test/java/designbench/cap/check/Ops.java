package designbench.cap.check;

import designbench.cap.history.Op;

/** Fixture operations for the checker's tests: times in ms, turned into the history's nanoseconds. */
final class Ops {
    private Ops() {
    }

    static Op write(String client, String key, String value, long invokeMs, long completeMs) {
        return new Op(client, Op.WORKLOAD, Op.WRITE, key, value, "", ms(invokeMs), ms(invokeMs), ms(completeMs),
                Op.OK, null);
    }

    static Op timedOutWrite(String client, String key, String value, long invokeMs, long completeMs) {
        return new Op(client, Op.WORKLOAD, Op.WRITE, key, value, "", ms(invokeMs), ms(invokeMs), ms(completeMs),
                Op.TIMEOUT, "no answer");
    }

    static Op read(String client, String key, String value, long invokeMs, long completeMs) {
        return read(client, key, value, "linearizable", invokeMs, completeMs);
    }

    static Op read(String client, String key, String value, String mode, long invokeMs, long completeMs) {
        return new Op(client, Op.WORKLOAD, Op.READ, key, value, mode, ms(invokeMs), ms(invokeMs), ms(completeMs),
                Op.OK, null);
    }

    static Op failedRead(String client, String key, String result, long invokeMs, long completeMs) {
        return new Op(client, Op.WORKLOAD, Op.READ, key, null, "linearizable", ms(invokeMs), ms(invokeMs),
                ms(completeMs), result, "failed");
    }

    static Op finalRead(String client, String key, String value, long invokeMs) {
        return new Op(client, Op.FINAL, Op.READ, key, value, "serializable", ms(invokeMs), ms(invokeMs),
                ms(invokeMs + 1), Op.OK, null);
    }

    static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
