package dev.chikuden.ems.runtime;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.BessDevice;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.device.GridMeterDevice;
import dev.chikuden.ems.device.PlantControllerDevice;
import dev.chikuden.ems.store.TelemetryPoint;
import dev.chikuden.ems.store.TelemetryStore;
import dev.chikuden.site.SiteConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live EMS: the site's controller stack (the very objects a study runs, from
 * {@code SiteModels.controller}) on a real clock against real devices. {@link #start} runs the
 * cycle on its own platform thread at a fixed rate, with a watchdog thread beside it; {@link #step}
 * runs one cycle on the caller's thread instead, which with an injected {@link CycleClock} makes
 * tests fast and deterministic. {@link #close} writes the safe setpoint and stops.
 *
 * <p>When the site's control chain hosts its fast loop in the EMS ({@code control.fast.host: ems},
 * the default) and the stack has fast layers, a second thread runs the fast loop at
 * {@code control.fast.period} ({@link FastCycle}): it reads only the grid meter and writes the
 * setpoints, while the cycle at {@code control.supervisory.period} reads every device and hands the
 * stack's supervisory layers' window to it. Without fast layers, or with a plant controller hosting
 * them, there is one cycle, which decides and writes; with a plant controller given, the cycle
 * supervises and writes the controller the held requests instead ({@link PlantControllerLink}). {@link #stepFast} runs one fast cycle on the
 * caller's thread, as {@link #step} runs a supervisory one.
 *
 * <p>What a cycle does, and the fail-safe rules, are in {@link ControlCycle}. The manual setpoint
 * drives the stack's {@code manual} layer, or one the service puts right below the backup reserve
 * (on top without one; see {@link LiveStack}); the safe state overrides it.
 */
public final class EmsRuntime implements EmsService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmsRuntime.class);

    private final EmsConfig config;
    private final CycleClock clock;
    private final List<BessDevice> units;
    private final GridMeterDevice meter;
    private final TelemetryStore store;
    private final ExecutorService failsafe;
    private final long periodNanos;
    private final long closeWaitNanos;
    private final LiveStack stack;
    private final AlarmLog alarms = new AlarmLog();
    private final TimingWindow times;
    private final Watchdog watchdog;
    private final ControlCycle cycle;
    private final CycleLoop loop;
    /** Null without a fast loop. */
    private final FastLoopStats fastStats;
    /** Null unless a plant controller hosts the fast layers. */
    private final PlantControllerLink plant;

    private final CycleLoop fastLoop;
    private final FastCycle fastCycle;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Copied on every change, so the cycle reads them without a lock. */
    private final List<Consumer<CycleSnapshot>> listeners = new CopyOnWriteArrayList<>();

    private volatile CycleSnapshot latest;
    private long listenerFailures;
    private long storeFailures;
    private Thread cycleThread;
    private Thread watchdogThread;
    private Thread fastThread;

    /**
     * @param units one per battery of the site, in the site's order
     * @param store where each cycle's snapshot goes; closed with the service
     * @param clock {@link CycleClock#SYSTEM} in service
     */
    public EmsRuntime(
            SiteConfig site,
            EmsConfig config,
            List<? extends BessDevice> units,
            GridMeterDevice meter,
            TelemetryStore store,
            CycleClock clock) {
        this(site, config, units, meter, null, store, clock);
    }

    /**
     * @param plant the plant controller hosting the site's fast layers ({@code control.fast.host:
     *              device}); null for none. Used when the stack has fast layers.
     */
    public EmsRuntime(
            SiteConfig site,
            EmsConfig config,
            List<? extends BessDevice> units,
            GridMeterDevice meter,
            PlantControllerDevice plant,
            TelemetryStore store,
            CycleClock clock) {
        this(site, config, units, meter, plant, store, clock, Executors.newCachedThreadPool(daemon("ems-failsafe")));
    }

    /** @param failsafe runs the watchdog's and the shutdown's writes, so a hanging device call cannot block them */
    EmsRuntime(
            SiteConfig site,
            EmsConfig config,
            List<? extends BessDevice> units,
            GridMeterDevice meter,
            TelemetryStore store,
            CycleClock clock,
            ExecutorService failsafe) {
        this(site, config, units, meter, null, store, clock, failsafe);
    }

    EmsRuntime(
            SiteConfig site,
            EmsConfig config,
            List<? extends BessDevice> units,
            GridMeterDevice meter,
            PlantControllerDevice plant,
            TelemetryStore store,
            CycleClock clock,
            ExecutorService failsafe) {
        check(
                config.cycleMs() >= ControlChain.MIN_PERIOD_MS && config.cycleMs() <= 60_000,
                "cycleMs must be within " + ControlChain.MIN_PERIOD_MS + "..60000",
                config.cycleMs());
        check(config.silentCycles() >= 0, "silentCycles must be >= 0", config.silentCycles());
        check(config.watchdogMs() > 0, "watchdogMs must be > 0", config.watchdogMs());
        double maxChargeKw = site.batteries().stream()
                .mapToDouble(BatteryParameters::chargePowerKw)
                .sum();
        double maxDischargeKw = site.batteries().stream()
                .mapToDouble(BatteryParameters::dischargePowerKw)
                .sum();
        check(
                config.safeSetpointKw() >= -maxChargeKw && config.safeSetpointKw() <= maxDischargeKw,
                "safeSetpointKw must be within the batteries' rating " + -maxChargeKw + ".." + maxDischargeKw,
                config.safeSetpointKw());
        check(
                units.size() == site.batteries().size(),
                "one battery device per battery of " + site.name() + " ("
                        + site.batteries().size() + ") is needed",
                units.size());
        this.config = config;
        this.clock = clock;
        this.units = List.copyOf(units);
        this.meter = meter;
        this.store = store;
        this.failsafe = failsafe;
        this.periodNanos = config.cycleMs() * 1_000_000L;
        long deviceWaitMs = config.devices() == null
                ? 0
                : config.devices().timeoutMs() * (config.devices().retries() + 1L);
        this.closeWaitNanos = Math.max(config.cycleMs(), deviceWaitMs) * 1_000_000L;
        this.stack = LiveStack.of(site, config.fleet() != null);
        this.times = new TimingWindow(config.cycleMs(), TimingWindow.DEFAULT_CYCLES);
        this.watchdog = new Watchdog(config.watchdogMs() * 1_000_000L, alarms);
        ControlChain chain = site.control();
        boolean fast = chain != null && chain.fastHost() == ControlChain.FastHost.EMS && stack.stack.hasFastLayers();
        // serve --cycle may make the supervisory cycle faster than the chain's fast loop: it follows
        long fastPeriodMs = fast ? Math.min(chain.fastPeriodMs(), config.cycleMs()) : 0;
        this.fastStats = fast ? new FastLoopStats(fastPeriodMs) : null;
        boolean device = plant != null
                && chain != null
                && chain.fastHost() == ControlChain.FastHost.DEVICE
                && stack.stack.hasFastLayers();
        this.plant = device ? new PlantControllerLink(plant, stack.stack, chain.fastPeriodMs()) : null;
        this.cycle = new ControlCycle(
                clock,
                periodNanos,
                config.silentCycles(),
                config.safeSetpointKw(),
                config.safeDischargeWithoutMeter(),
                site.zone(),
                this.units,
                meter,
                stack.stack,
                alarms,
                watchdog,
                times,
                fastStats,
                this.plant);
        this.loop = new CycleLoop(
                clock,
                periodNanos,
                "cycle",
                due -> publish(cycle.run(due)),
                times,
                alarms,
                () -> failsafe("a failed cycle"));
        if (fast) {
            long fastNanos = fastPeriodMs * 1_000_000L;
            this.fastCycle = new FastCycle(
                    clock, fastNanos, chain, site.zone(), meter, cycle.units(), cycle, stack.stack, fastStats);
            this.fastLoop = new CycleLoop(
                    clock,
                    fastNanos,
                    "fast-loop",
                    fastCycle::run,
                    fastStats.latency,
                    alarms,
                    () -> failsafe("a failed fast cycle"));
        } else {
            this.fastLoop = null;
            this.fastCycle = null;
        }
    }

    private static void check(boolean ok, String message, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", was " + value);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts the cycle thread and the watchdog. */
    @SuppressWarnings("ThreadPriorityCheck") // the cycle's deadline comes before the API's and the store's threads
    public synchronized void start() {
        if (closed.get() || cycleThread != null) {
            throw new IllegalStateException(closed.get() ? "the service is closed" : "the service already runs");
        }
        cycleThread = new Thread(loop, "ems-cycle");
        cycleThread.setDaemon(true);
        cycleThread.setPriority(Thread.MAX_PRIORITY);
        watchdogThread = new Thread(this::watch, "ems-watchdog");
        watchdogThread.setDaemon(true);
        cycleThread.start();
        watchdogThread.start();
        if (fastLoop != null) {
            fastThread = new Thread(fastLoop, "ems-fast");
            fastThread.setDaemon(true);
            fastThread.setPriority(Thread.MAX_PRIORITY);
            fastThread.start();
            LOG.info(
                    "started: {} units and {} every {} ms, the fast loop on {} every {} ms",
                    units.size(),
                    meter.name(),
                    config.cycleMs(),
                    meter.name(),
                    fastStats.periodMs);
        } else {
            LOG.info("started: {} units and {} every {} ms", units.size(), meter.name(), config.cycleMs());
        }
    }

    /**
     * Runs one cycle on the caller's thread: waits on the clock for its slot, then reads, controls,
     * writes and publishes. For tests and tools; not while {@link #start}ed.
     */
    public void step() {
        synchronized (this) {
            if (cycleThread != null || closed.get()) {
                throw new IllegalStateException("step() runs cycles only in a service neither started nor closed");
            }
        }
        loop.runOne();
    }

    /**
     * Runs one fast cycle on the caller's thread (waiting on the clock for its slot), as {@link #step}
     * runs a supervisory one. For tests and tools.
     *
     * @throws IllegalStateException without a fast loop, or while {@link #start}ed
     */
    public void stepFast() {
        synchronized (this) {
            if (fastLoop == null || cycleThread != null || closed.get()) {
                throw new IllegalStateException(
                        fastLoop == null
                                ? "the site has no fast loop in the EMS"
                                : "stepFast() runs cycles only in a service neither started nor closed");
            }
        }
        fastLoop.runOne();
    }

    /**
     * Runs one fast cycle at once on the caller's thread, as if it were due now: no slot to wait
     * for, so a benchmark times the cycle itself (meter read, decision, writes, acknowledgements).
     * {@link #step} may run the supervisory cycles on another thread meanwhile. Not while started.
     */
    public void fastCycleNow() {
        synchronized (this) {
            if (fastCycle == null || cycleThread != null || closed.get()) {
                throw new IllegalStateException(
                        "fastCycleNow() needs a fast loop in a service neither started nor closed");
            }
        }
        fastCycle.run(clock.nanoTime());
    }

    private void watch() {
        long every = Math.max(1_000_000L, Math.min(config.watchdogMs() * 1_000_000L / 4, periodNanos));
        while (!closed.get()) {
            LockSupport.parkNanos(every);
            checkWatchdog();
        }
    }

    /** One look of the watchdog: a stuck cycle puts the site in the safe state. */
    void checkWatchdog() {
        if (watchdog.check(clock.nanoTime(), clock.epochMs())) {
            failsafe("a stuck cycle");
        }
    }

    /**
     * Off the cycle's thread: the safe state, and the safe setpoint sent to every unit through the
     * failsafe executor (split by the limits last read), without waiting for the answers.
     */
    private void failsafe(String why) {
        cycle.state(EmsState.SAFE);
        int sent = safeWrites().size();
        LOG.warn("safe state after {}: safe setpoint sent to {} units", why, sent);
    }

    @SuppressWarnings("FutureReturnValueIgnored") // thenCompose flattens the write started on the fail-safe thread
    private List<CompletableFuture<?>> safeWrites() {
        double[] kw = new double[units.size()];
        cycle.safeSplit(kw);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < kw.length; i++) {
            BessDevice unit = units.get(i);
            double setpoint = kw[i];
            sent.add(CompletableFuture.supplyAsync(() -> ControlCycle.startWrite(unit, setpoint), failsafe)
                    .thenCompose(f -> f));
        }
        if (plant != null) { // the units follow their own setpoints again
            sent.add(
                    CompletableFuture.supplyAsync(plant::startDisable, failsafe).thenCompose(f -> f));
        }
        return sent;
    }

    private void publish(CycleSnapshot s) {
        latest = s;
        for (Consumer<CycleSnapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (Exception e) {
                logSparsely(++listenerFailures, "a cycle listener failed", e);
            }
        }
        try {
            store.append(s);
        } catch (Exception e) {
            logSparsely(++storeFailures, "the telemetry store refused a cycle", e);
        }
    }

    /** Logs the 1st, 2nd, 4th, 8th... failure: a listener failing every cycle must not flood the log. */
    private static void logSparsely(long failures, String what, Exception e) {
        if (Long.bitCount(failures) == 1) {
            LOG.warn("{} ({} times so far; the cycle goes on)", what, failures, e);
        }
    }

    /**
     * Stops the cycle, writes the safe setpoint to every unit and waits for the answers (up to the
     * devices' timeout with its retries, at least a cycle), then closes the devices and the store.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.stop();
        if (fastLoop != null) {
            fastLoop.stop();
        }
        cycle.stopWriting();
        Thread t;
        Thread w;
        Thread fastT;
        synchronized (this) {
            t = cycleThread;
            w = watchdogThread;
            fastT = fastThread;
        }
        if (fastT != null) {
            LockSupport.unpark(fastT);
            try {
                fastT.join(config.cycleMs() + config.watchdogMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t != null) {
            LockSupport.unpark(t);
            LockSupport.unpark(w);
            try {
                t.join(config.cycleMs() + config.watchdogMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("the cycle did not stop in time (a hanging device?); writing the safe setpoint anyway");
            }
        }
        List<CompletableFuture<?>> writes = safeWrites();
        long deadline = clock.nanoTime() + closeWaitNanos;
        int acknowledged = 0;
        for (CompletableFuture<?> f : writes) {
            if (clock.await(f, deadline) && !f.isCompletedExceptionally()) {
                acknowledged++;
            }
        }
        cycle.state(EmsState.STOPPED);
        LOG.info("stopped: safe setpoint acknowledged by {} of {} devices", acknowledged, writes.size());
        for (BessDevice u : units) {
            closeQuietly(u, u.name());
        }
        closeQuietly(meter, meter.name());
        if (plant != null) {
            closeQuietly(plant::close, plant.name());
        }
        closeQuietly(store, "telemetry store");
        failsafe.shutdown();
        try {
            failsafe.awaitTermination(closeWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c, String what) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed", what, e);
        }
    }

    @Override
    public EmsState state() {
        return cycle.state();
    }

    @Override
    public CycleSnapshot latest() {
        return latest;
    }

    @Override
    public CycleTiming timing() {
        return times.timing();
    }

    @Override
    public FastLoopStatus fastLoop() {
        if (plant != null) {
            return plant.status();
        }
        return fastStats == null ? null : fastStats.status();
    }

    @Override
    public List<Alarm> alarms(boolean includeCleared) {
        return alarms.list(includeCleared);
    }

    @Override
    public List<StackLayer> stack() {
        return stack.describe();
    }

    /** The configuration the service runs with; its JSON leaves the secrets out (see {@link EmsConfig}). */
    @Override
    public EmsConfig config() {
        return config;
    }

    @Override
    public List<DeviceStatus> devices() {
        long now = clock.epochMs();
        List<DeviceStatus> out = new ArrayList<>();
        out.add(describe(cycle.meter(), now));
        for (PolledDevice<BessReading> u : cycle.polledUnits()) {
            out.add(describe(u, now));
        }
        return out;
    }

    private static DeviceStatus describe(PolledDevice<?> d, long nowEpochMs) {
        long good = d.lastGoodEpochMs();
        return new DeviceStatus(
                d.name,
                d.kind,
                d.address,
                d.fresh(),
                good == Long.MIN_VALUE ? null : nowEpochMs - good,
                d.misses(),
                d.fresh() ? null : d.lastProblem(),
                d.lastGood());
    }

    @Override
    public void setManualSetpoint(double kw, long expiresAtEpochMs) {
        if (stack.manual == null) {
            throw new IllegalStateException("the stack has no manual layer"); // LiveStack always provides one
        }
        if (expiresAtEpochMs <= clock.epochMs()) {
            throw new IllegalArgumentException("expiresAtEpochMs " + expiresAtEpochMs + " is not in the future");
        }
        stack.manual.set(kw, expiresAtEpochMs);
    }

    @Override
    public void clearManualSetpoint() {
        stack.manual.clear();
    }

    @Override
    public ManualSetpoint.Setpoint manualSetpoint() {
        ManualSetpoint.Setpoint held = stack.manual.held();
        return held == null || held.expiresAtEpochMs() <= clock.epochMs() ? null : held;
    }

    /** Gives the stack's optimising layers prices from outside the site file (a fleet's OpenADR PRICE event). */
    public void signalPrices(List<dev.chikuden.control.PriceSignals.Interval> intervals) {
        for (dev.chikuden.control.ControlLayer l : stack.stack.layers()) {
            if (l instanceof dev.chikuden.control.PriceSignals.Taker t) {
                t.priceSignals().set(intervals);
            }
        }
    }

    /**
     * The fleet's layer, for the fleet link: it takes the fleet's requests and gives the offer the
     * layers above it leave; null when the stack has no fleet layer.
     */
    public dev.chikuden.control.FleetRequest fleetLayer() {
        return stack.fleet;
    }

    @Override
    public List<TelemetryPoint> telemetry(long fromEpochMs, long toEpochMs, int maxPoints) {
        return store.query(fromEpochMs, toEpochMs, maxPoints);
    }

    @Override
    public TelemetryStatus telemetryStatus() {
        return new TelemetryStatus(store.acknowledgedCycle(), store.droppedCycles());
    }

    @Override
    public Runnable onCycle(Consumer<CycleSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
