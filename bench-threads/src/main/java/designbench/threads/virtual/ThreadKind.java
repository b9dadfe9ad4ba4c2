package designbench.threads.virtual;

/** The two kinds of Java thread compared throughout this package; constants read as table labels. */
public enum ThreadKind {
    PLATFORM {
        @Override
        public Thread.Builder builder() {
            return Thread.ofPlatform();
        }
    },
    VIRTUAL {
        @Override
        public Thread.Builder builder() {
            return Thread.ofVirtual();
        }
    };

    /** A fresh builder for threads of this kind. */
    public abstract Thread.Builder builder();
}
