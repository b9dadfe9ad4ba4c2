package designbench.proxy.cli;

import designbench.proxy.net.Address;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value types: sizes ({@code 64m}), durations ({@code 500ms}, {@code 10s}) and addresses. */
public final class Units {

    private Units() {
    }

    /** Bytes, with an optional k, m or g suffix (powers of 1024). */
    public static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            if (v.endsWith("k")) {
                unit = 1L << 10;
            } else if (v.endsWith("m")) {
                unit = 1L << 20;
            } else if (v.endsWith("g")) {
                unit = 1L << 30;
            }
            String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
            try {
                long n = Long.parseLong(digits);
                if (n < 0) {
                    throw new TypeConversionException("a size cannot be negative: " + value);
                }
                return Math.multiplyExact(n, unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("not a size: '" + value + "' (want e.g. 512, 64k, 16m)");
            }
        }
    }

    /** A duration: a number with ms, s or m; 0 alone is zero. */
    public static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.equals("0")) {
                    return Duration.ZERO;
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                if (v.endsWith("s")) {
                    return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
                }
                if (v.endsWith("m")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw new TypeConversionException("not a duration: '" + value + "' (want e.g. 500ms, 10s, 2m)");
        }
    }

    /** HOST:PORT, [V6]:PORT or unix:PATH. */
    public static final class AddressConverter implements ITypeConverter<Address> {
        @Override
        public Address convert(String value) {
            try {
                return Address.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Blocks until SIGTERM / SIGINT (or the JVM otherwise shuts down), then runs {@code stop}. */
    static void runUntilStopped(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}
