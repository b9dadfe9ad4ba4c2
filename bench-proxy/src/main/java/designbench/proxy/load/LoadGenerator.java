package designbench.proxy.load;

import com.sun.management.OperatingSystemMXBean;
import designbench.proxy.net.Address;
import designbench.proxy.net.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * The load generator: keep-alive HTTP/1.1 connections on a few Netty event loops, each with at most one request in
 * flight. Open loop (a rate): requests are due on a fixed timeline, taken by whichever connection of the loop is
 * free, and timed from when they were due, as wrk2 does; closed loop: each connection sends again as soon as it has
 * its answer. Latencies go into an HdrHistogram recorder, read once a second into the time series and the log.
 */
public final class LoadGenerator {

    /** A connection whose connect failed tries again (the next target) after this; each failure is an error. */
    public static final int RECONNECT_MILLIS = 20;
    /** How long a target that refused a connection is skipped by the other connections. */
    static final long TARGET_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The weight of a new response time in a target's moving average is 1 in this many. */
    static final int FASTEST_SMOOTHING = 8;

    private final LoadConfig config;
    private final PrintStream progress;
    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder completed = new LongAdder();
    private final LongAdder finishedInWindow = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder[] perTarget;
    /** Responses per target since the last second of the time series. */
    private final LongAdder[] perTargetThisSecond;
    private final AtomicLongArray targetDownUntil;
    /** Per target, the moving average of its response times from send, in ns (0: none yet); for preferFastest. */
    private final AtomicLongArray responseNanos;
    private final List<LoadReport.Second> seconds = new ArrayList<>();
    private final HistogramLogWriter log;
    private long startNanos;
    private long measureFromNanos;
    private long endNanos;

    private LoadGenerator(LoadConfig config, HistogramLogWriter log, PrintStream progress) {
        this.config = config;
        this.log = log;
        this.progress = progress;
        this.perTarget = new LongAdder[config.targets().size()];
        for (int i = 0; i < perTarget.length; i++) {
            perTarget[i] = new LongAdder();
        }
        this.perTargetThisSecond = new LongAdder[config.targets().size()];
        for (int i = 0; i < perTargetThisSecond.length; i++) {
            perTargetThisSecond[i] = new LongAdder();
        }
        this.targetDownUntil = new AtomicLongArray(config.targets().size());
        this.responseNanos = new AtomicLongArray(config.targets().size());
    }

    /**
     * Runs the load and returns what it measured.
     *
     * @param log      receives the HdrHistogram interval log (one interval per measured second), or null
     * @param progress receives one progress line per second, or null
     */
    public static LoadReport run(LoadConfig config, HistogramLogWriter log, PrintStream progress)
            throws InterruptedException {
        return new LoadGenerator(config, log, progress).run();
    }

    private LoadReport run() throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        EventLoopGroup group = Transports.newGroup(config.threads());
        try {
            startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            measureFromNanos = startNanos + config.warmup().toNanos();
            endNanos = measureFromNanos + config.duration().toNanos();
            if (log != null) {
                log.outputLogFormatVersion();
                log.outputStartTime(System.currentTimeMillis());
                log.outputLegend();
            }
            List<Worker> workers = new ArrayList<>();
            List<EventLoop> loops = new ArrayList<>();
            group.forEach(e -> loops.add((EventLoop) e));
            int workerCount = Math.min(config.threads(), config.connections());
            for (int w = 0; w < workerCount; w++) {
                workers.add(new Worker(w, workerCount, loops.get(w % loops.size())));
            }
            for (int c = 0; c < config.connections(); c++) {
                Worker worker = workers.get(c % workers.size());
                int target = c % config.targets().size();
                worker.loop.execute(() -> worker.addConnection(target));
            }
            CountDownLatch done = new CountDownLatch(workers.size());
            for (Worker worker : workers) {
                worker.loop.execute(() -> worker.start(done));
            }
            ScheduledFuture<?> ticker = group.next().scheduleAtFixedRate(this::everySecond,
                    measureFromNanos - System.nanoTime() + TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1),
                    TimeUnit.NANOSECONDS);
            long waitNanos = endNanos - System.nanoTime() + config.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
            done.await(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            ticker.cancel(false);
            for (Worker worker : workers) {
                worker.loop.submit(worker::finish).syncUninterruptibly();
            }
            group.submit(this::lastInterval).syncUninterruptibly();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        return report(cpuSeconds);
    }

    private synchronized void everySecond() {
        if (seconds.size() >= config.duration().toSeconds()) {
            return; // after the window: what still arrives goes into the last interval
        }
        Histogram interval = recorder.getIntervalHistogram();
        long errorsNow = errorCount();
        int second = seconds.size() + 1;
        long previousErrors = seconds.stream().mapToLong(LoadReport.Second::errors).sum();
        total.add(interval);
        List<Long> targetsThisSecond = new ArrayList<>();
        for (LongAdder count : perTargetThisSecond) {
            targetsThisSecond.add(count.sumThenReset());
        }
        seconds.add(new LoadReport.Second(second, interval.getTotalCount(), errorsNow - previousErrors,
                micros(interval, 50), micros(interval, 99), interval.getTotalCount() == 0 ? 0
                : interval.getMaxValue() / 1000.0, targetsThisSecond));
        if (log != null) {
            interval.setStartTimeStamp(System.currentTimeMillis() - 1000);
            interval.setEndTimeStamp(System.currentTimeMillis());
            log.outputIntervalHistogram(interval);
        }
        if (progress != null) {
            progress.printf("[load] %ds of %ds  %.0f req/s  errors %d  p99 %.2f ms%n", second,
                    config.duration().toSeconds(), (double) interval.getTotalCount(), errorsNow,
                    micros(interval, 99) / 1000.0);
        }
    }

    /** Takes what the recorder holds after the last full second (late responses). */
    private synchronized void lastInterval() {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        if (log != null && interval.getTotalCount() > 0) {
            log.outputIntervalHistogram(interval);
        }
    }

    private static double micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private synchronized LoadReport report(double cpuSeconds) {
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        Map<String, Long> targets = new TreeMap<>();
        for (int i = 0; i < perTarget.length; i++) {
            targets.merge(config.targets().get(i).toString(), perTarget[i].sum(), Long::sum);
        }
        double secondsMeasured = config.duration().toNanos() / 1e9;
        LoadReport.Latency latency = new LoadReport.Latency(micros(total, 50), micros(total, 90), micros(total, 99),
                micros(total, 99.9), micros(total, 99.99), total.getTotalCount() == 0 ? 0 : total.getMaxValue() / 1000.0,
                total.getTotalCount() == 0 ? 0 : total.getMean() / 1000.0);
        return new LoadReport(config.openLoop() ? "open" : "closed", config.rate(), config.connections(),
                secondsMeasured, finishedInWindow.sum() / secondsMeasured, completed.sum(), errorCounts, latency,
                hits.sum(),
                misses.sum(), targets, cpuSeconds, List.copyOf(seconds), measureFromNanos);
    }

    /** One event loop's share of the connections and of the timeline. */
    private final class Worker {
        final EventLoop loop;
        final List<Conn> connections = new ArrayList<>();
        final KeyChooser keys;
        final SendTimeline timeline;
        boolean tickArmed;
        CountDownLatch done;
        boolean finished;

        int nextConnection;

        Worker(int index, int workerCount, EventLoop loop) {
            this.loop = loop;
            this.keys = new KeyChooser(config.keys(), config.zipfExponent(), config.seed() + index);
            this.timeline = config.openLoop()
                    ? new SendTimeline(startNanos, measureFromNanos, endNanos, config.rate(), workerCount, index)
                    : null;
        }

        void addConnection(int target) {
            Conn conn = new Conn(this, target);
            connections.add(conn);
            conn.connect();
        }

        void start(CountDownLatch latch) {
            this.done = latch;
            long now = System.nanoTime();
            loop.schedule(this::tick, Math.max(0, startNanos - now), TimeUnit.NANOSECONDS);
            loop.schedule(this::checkDone, Math.max(0, endNanos - now), TimeUnit.NANOSECONDS);
        }

        void tick() {
            if (finished) {
                return;
            }
            long now = System.nanoTime();
            if (config.openLoop()) {
                tickArmed = false;
                dispatch(now);
                armTick(now);
            } else {
                for (Conn conn : connections) {
                    if (conn.idle() && now < endNanos) {
                        conn.send(now);
                    }
                }
                if (now < endNanos) {
                    loop.schedule(this::tick, Math.min(endNanos - now, TimeUnit.MILLISECONDS.toNanos(10)),
                            TimeUnit.NANOSECONDS);
                } else {
                    checkDone();
                }
            }
        }

        /**
         * Open loop: wakes up when the next request falls due. While requests are overdue (every connection busy)
         * nothing is armed: the next connection to come free sends them, and arms the tick again.
         */
        void armTick(long now) {
            long next = timeline.nextWake(now);
            // At the end of the timeline nothing is armed: start() scheduled the end-of-run check.
            if (next >= 0 && !tickArmed) {
                tickArmed = true;
                loop.schedule(this::tick, next - now, TimeUnit.NANOSECONDS);
            }
        }

        /** Open loop: sends every due request that a free connection can take now; the rest wait, still timed. */
        void dispatch(long now) {
            if (finished) {
                return;
            }
            int n = connections.size();
            for (int i = 0; i < n; i++) {
                // A rotating start spreads requests over every connection (and so every target) below saturation.
                Conn conn = connections.get((nextConnection + i) % n);
                if (!conn.idle()) {
                    continue;
                }
                if (!timeline.hasDue(now)) {
                    return;
                }
                // Only a send moves the rotation on: a dispatch that finds nothing due (a response just freed a
                // connection) must not skip the connection whose turn it is, or every other one is never used.
                nextConnection = (nextConnection + i + 1) % n;
                conn.send(timeline.take());
            }
        }

        void connectionFree(Conn conn) {
            if (finished) {
                return;
            }
            long now = System.nanoTime();
            if (config.openLoop()) {
                if (done != null) {
                    dispatch(now);
                    armTick(now);
                }
            } else if (now < endNanos && done != null) {
                conn.send(now);
            }
            checkDone();
        }

        void checkDone() {
            if (done == null || finished) {
                return;
            }
            if (System.nanoTime() >= endNanos && connections.stream().allMatch(c -> !c.busy)) {
                finished = true;
                done.countDown();
            }
        }

        /** At the end: what was due but never sent counts as "unsent"; connections close. */
        void finish() {
            finished = true;
            if (config.openLoop()) {
                long unsent = timeline.unsentInWindow();
                if (unsent > 0) {
                    errors.computeIfAbsent("unsent", x -> new LongAdder()).add(unsent);
                }
            }
            for (Conn conn : connections) {
                conn.close();
            }
        }
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Conn {
        final Worker worker;
        int target;
        Channel channel;
        boolean connected;
        boolean busy;
        boolean closing;
        boolean stalled;
        boolean keepAlive;
        long sequence;
        long intendedNanos;
        long sentNanos;
        ScheduledFuture<?> timeout;
        String cacheStatus;
        int status;

        Conn(Worker worker, int target) {
            this.worker = worker;
            this.target = target;
        }

        boolean idle() {
            return connected && !busy && channel.isActive();
        }

        void connect() {
            if (closing || worker.finished) {
                return;
            }
            target = pickTarget(target);
            Address address = config.targets().get(target);
            new Bootstrap().group(worker.loop).channel(Transports.clientChannel(address))
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(config.timeout().toMillis(), 5000))
                    .option(ChannelOption.TCP_NODELAY, address instanceof Address.Tcp ? true : null)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new SimpleChannelInboundHandler<HttpObject>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                                    if (ctx.channel() == channel) {
                                        received(msg);
                                    }
                                }

                                @Override
                                public void channelInactive(ChannelHandlerContext ctx) {
                                    if (ctx.channel() == channel) {
                                        closed();
                                    }
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    ctx.close();
                                }
                            });
                        }
                    })
                    .connect(address.socketAddress(), config.localHost().isEmpty() || !(address instanceof Address.Tcp)
                            ? null : new java.net.InetSocketAddress(config.localHost(), 0))
                    .addListener(f -> {
                        Channel connectedChannel = ((io.netty.channel.ChannelFuture) f).channel();
                        if (closing || worker.finished) {
                            connectedChannel.close();
                            return;
                        }
                        if (f.isSuccess()) {
                            channel = connectedChannel;
                            connected = true;
                            worker.connectionFree(this);
                        } else {
                            long now = System.nanoTime();
                            if (now >= measureFromNanos && now < endNanos) {
                                error("connect");
                            }
                            worker.checkDone();
                            targetDownUntil.set(target, System.nanoTime() + TARGET_BACKOFF_NANOS);
                            target = (target + 1) % config.targets().size();
                            worker.loop.schedule(this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
                        }
                    });
        }

        /**
         * Records a response time for this connection's target; true, with the target changed, when another
         * target that is up answers in less than half the time. Connections start spread over the targets, so
         * each has answers to compare; one without any yet is not a candidate.
         */
        private boolean movesToFaster(long nanos) {
            long mine = responseNanos.get(target);
            mine = mine == 0 ? nanos : mine + (nanos - mine) / FASTEST_SMOOTHING;
            responseNanos.set(target, mine);
            int n = config.targets().size();
            long now = System.nanoTime();
            int best = target;
            for (int t = 0; t < n; t++) {
                long theirs = responseNanos.get(t);
                if (theirs > 0 && targetDownUntil.get(t) <= now && theirs < responseNanos.get(best)) {
                    best = t;
                }
            }
            if (best != target && responseNanos.get(best) * 2 < mine) {
                target = best;
                return true;
            }
            return false;
        }

        /** This connection's target unless it refused recently, else the next one that did not. */
        private int pickTarget(int preferred) {
            int n = config.targets().size();
            long now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int t = (preferred + i) % n;
                if (targetDownUntil.get(t) <= now) {
                    return t;
                }
            }
            return preferred;
        }

        void send(long intended) {
            busy = true;
            long request = ++sequence;
            intendedNanos = intended;
            sentNanos = System.nanoTime();
            status = 0;
            cacheStatus = null;
            String path = config.pathPrefix() + worker.keys.next()
                    + (config.query().isEmpty() ? "" : "?" + config.query());
            FullHttpRequest httpRequest = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            httpRequest.headers().set(HttpHeaderNames.HOST, "loadgen");
            if (!config.cookie().isEmpty()) {
                httpRequest.headers().set(HttpHeaderNames.COOKIE, config.cookie());
            }
            timeout = worker.loop.schedule(() -> {
                if (busy && sequence == request) {
                    stalled = true;
                    lost("timeout");
                }
            }, config.timeout().toNanos(), TimeUnit.NANOSECONDS);
            channel.writeAndFlush(httpRequest).addListener(f -> {
                if (!f.isSuccess() && busy && sequence == request) {
                    timeout.cancel(false);
                    lost("closed");
                }
            });
        }

        void received(HttpObject msg) {
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                cacheStatus = response.headers().get("X-Cache");
                keepAlive = io.netty.handler.codec.http.HttpUtil.isKeepAlive(response);
            }
            if (msg instanceof LastHttpContent && busy) {
                long now = System.nanoTime();
                busy = false;
                timeout.cancel(false);
                if (now >= measureFromNanos && now < endNanos) {
                    finishedInWindow.increment();
                }
                if (!keepAlive) {
                    // The server ends this connection after its answer: open another, no error, no back-off.
                    connected = false;
                    Channel old = channel;
                    channel = null;
                    old.close();
                }
                if (intendedNanos >= measureFromNanos && intendedNanos < endNanos) {
                    recorder.recordValue(Math.max(0, now - intendedNanos));
                    completed.increment();
                    perTarget[target].increment();
                    perTargetThisSecond[target].increment();
                    if ("HIT".equals(cacheStatus)) {
                        hits.increment();
                    } else if ("MISS".equals(cacheStatus)) {
                        misses.increment();
                    }
                    if (status >= 500) {
                        error("status_5xx");
                    } else if (status >= 400) {
                        error("status_4xx");
                    }
                }
                if (keepAlive && config.preferFastest() && movesToFaster(now - sentNanos)) {
                    // Closing counts no error; closed() opens the next connection, to the new target.
                    Channel old = channel;
                    channel = null;
                    connected = false;
                    old.close();
                    worker.checkDone();
                    worker.loop.execute(this::connect);
                } else if (keepAlive) {
                    worker.connectionFree(this);
                } else {
                    worker.checkDone();
                    connect();
                }
            }
        }

        /** The request in flight is lost: count it, drop the connection and open another. */
        private void lost(String kind) {
            if (intendedNanos >= measureFromNanos && intendedNanos < endNanos) {
                error(kind);
            }
            busy = false;
            connected = false;
            if (channel != null) {
                channel.close();
            }
            worker.checkDone();
        }

        void closed() {
            boolean failed = busy;
            if (busy) {
                timeout.cancel(false);
                lost("closed");
            }
            connected = false;
            if (!closing && !worker.finished) {
                if (failed || stalled) {
                    // Lost a request: this target is failing; the others take this connection for a while.
                    targetDownUntil.set(target, System.nanoTime() + TARGET_BACKOFF_NANOS);
                    target = (target + 1) % config.targets().size();
                }
                stalled = false;
                worker.loop.schedule(this::connect, 1, TimeUnit.MILLISECONDS);
            }
        }

        void close() {
            closing = true;
            if (channel != null) {
                channel.close();
            }
        }
    }
}
