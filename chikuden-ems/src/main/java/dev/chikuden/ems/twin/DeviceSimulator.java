package dev.chikuden.ems.twin;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.modbus.DeviceMap;
import dev.chikuden.ems.modbus.Point;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import dev.chikuden.time.TimeGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A digital twin of a site's devices: every battery and the grid meter, served over Modbus TCP
 * through a register map, driven by the study's own models. Each battery is the site's
 * {@link dev.chikuden.battery.BatterySystem}; the load, PV and ambient are the study's profiles on
 * its time grid; the meter sees {@code load - pv - sum(battery)}.
 *
 * <p>Site time is the study start plus the simulated time, wrapping at the end of the study period.
 * The models advance in fixed ticks; in real time a timer catches the simulated time up with the
 * clock every tick, with a manual clock a test calls {@link #catchUp()} itself.
 */
public final class DeviceSimulator implements AutoCloseable {
    /** In real time, the longest backlog caught up tick by tick; beyond it (a suspended laptop) time jumps. */
    static final long MAX_CATCH_UP_MS = 60_000;

    /** Told the end of every tick, on the twin's thread: for recording. Must not block. */
    @FunctionalInterface
    public interface TickListener {
        /**
         * @param simulatedMs simulated time since the start, at the end of the tick
         * @param gridKw      the meter's power over the tick ({@code > 0} import)
         * @param loadKw      the site's load over the tick
         * @param batteryKw   all batteries together over the tick ({@code > 0} discharge)
         */
        void tick(long simulatedMs, double gridKw, double loadKw, double batteryKw);

        TickListener NONE = (ms, grid, load, battery) -> {};
    }

    /**
     * @param tickMs            the models' step
     * @param clockMs           a monotonic clock in ms
     * @param realTime          true: a timer calls {@link #catchUp()} every tick once started
     * @param siteStartOffsetMs the site time simulated time 0 stands for, in ms since the study start
     * @param tickListener      told every tick
     */
    public record Options(
            long tickMs, LongSupplier clockMs, boolean realTime, long siteStartOffsetMs, TickListener tickListener) {
        public Options {
            if (tickMs < 1) {
                throw new IllegalArgumentException("tick must be at least 1 ms, was " + tickMs);
            }
            if (siteStartOffsetMs < 0) {
                throw new IllegalArgumentException("site start offset must not be negative, was " + siteStartOffsetMs);
            }
        }

        /** From the study start, told nothing. */
        public Options(long tickMs, LongSupplier clockMs, boolean realTime) {
            this(tickMs, clockMs, realTime, 0, TickListener.NONE);
        }

        /**
         * Ticks of the shortest study step and loop period a site may have (10 ms, so never longer
         * than the site's own step or a fast loop), on the system clock. A tick of a 100-unit site
         * costs well under a millisecond (see the twin benchmark), so the timer keeps up.
         */
        public static Options defaults() {
            return new Options(ControlChain.MIN_PERIOD_MS, () -> System.nanoTime() / 1_000_000, true);
        }

        /** Ticks only when {@link #catchUp()} is called, up to {@code clockMs}: for tests. */
        public static Options manual(long tickMs, LongSupplier clockMs) {
            return new Options(tickMs, clockMs, false);
        }

        /** The same, starting {@code offsetMs} into the study period. */
        public Options startingAt(long offsetMs) {
            return new Options(tickMs, clockMs, realTime, offsetMs, tickListener);
        }

        public Options toldEachTick(TickListener listener) {
            return new Options(tickMs, clockMs, realTime, siteStartOffsetMs, listener);
        }
    }

    /** A served device, for people: its name, unit id and register layout. */
    public record ServedDevice(String name, int unitId, DeviceMap map) {}

    /** One battery as the twin has it. */
    public record BatteryState(
            String name,
            int unitId,
            double commandKw,
            double powerKw,
            double soc,
            double storedEnergyKwh,
            double maxChargeKw,
            double maxDischargeKw,
            BatteryLedger ledger) {}

    /**
     * The twin at one instant.
     *
     * @param elapsedMs   simulated time since the start
     * @param siteEpochMs the site time it stands for
     * @param loadKwh     load energy since the start, as the meter saw it
     * @param pvKwh       PV energy since the start
     */
    public record Snapshot(
            long elapsedMs,
            long siteEpochMs,
            List<BatteryState> batteries,
            double loadKw,
            double pvKw,
            double gridKw,
            double importKwh,
            double exportKwh,
            double loadKwh,
            double pvKwh) {}

    private final SiteConfig site;
    private final RegisterMap registerMap;
    private final Options options;
    private final TimeGrid grid;
    private final long periodMs;
    private final double tickS;
    private final List<TwinBattery> batteries = new ArrayList<>();
    private final Map<String, TwinBattery> byName = new HashMap<>();
    private final TwinMeter meter;
    private final TwinPlantController plant;
    private final ProfileCursor load;
    private final ProfileCursor pv;
    private final ProfileCursor ambient;

    private long simulatedMs;
    private long controlFromMs = -1;
    private long clockStartMs;
    private double loadKw;
    private double pvKw;
    private double loadKwh;
    private double pvKwh;
    private TwinTcpServer server;
    private ScheduledExecutorService timer;

    /**
     * @param devices the unit ids to serve the site's batteries (in the site's order) and the meter as
     */
    public DeviceSimulator(SiteConfig site, EmsConfig.Devices devices, RegisterMap registerMap, Options options) {
        if (devices.batteries().size() != site.batteries().size()) {
            throw new BadInputException(
                    site.source() + ": the site has " + site.batteries().size() + " batteries but "
                            + devices.batteries().size() + " battery devices are configured");
        }
        this.site = site;
        this.registerMap = registerMap;
        this.options = options;
        this.grid = SiteModels.timeGrid(site);
        this.periodMs = grid.steps() * grid.stepMs();
        this.tickS = options.tickMs() / 1000.0;
        this.load = new ProfileCursor(() -> SiteModels.load(site, grid), grid.steps());
        this.pv = new ProfileCursor(() -> SiteModels.pv(site, grid), grid.steps());
        this.ambient = new ProfileCursor(() -> SiteModels.ambient(site, grid), grid.steps());
        double frequencyHz = site.grid().frequencyHz();
        Map<Integer, String> ids = new HashMap<>();
        double siteRatedKw = 0;
        for (BatteryParameters p : site.batteries()) {
            siteRatedKw += Math.max(p.chargePowerKw(), p.dischargePowerKw());
        }
        ControlChain chain = site.control();
        double ratedKw = 0;
        for (int i = 0; i < site.batteries().size(); i++) {
            BatteryParameters p = site.batteries().get(i);
            EmsConfig.Endpoint e = devices.batteries().get(i);
            claim(ids, e);
            double unitKw = Math.max(p.chargePowerKw(), p.dischargePowerKw());
            TwinBattery.Physics physics = chain == null
                    ? null
                    : new TwinBattery.Physics(
                            ticks(chain.commandDelayMs()),
                            chain.converterTimeConstantS(),
                            chain.converterRampKwPerS() * (siteRatedKw > 0 ? unitKw / siteRatedKw : 1));
            TwinBattery b = new TwinBattery(e.name(), e.unitId(), registerMap.bess(), p, frequencyHz, tickS, physics);
            batteries.add(b);
            byName.put(e.name(), b);
            ratedKw += Math.max(p.chargePowerKw(), p.dischargePowerKw());
        }
        claim(ids, devices.meter());
        this.meter = new TwinMeter(
                devices.meter().name(),
                devices.meter().unitId(),
                registerMap.meter(),
                meterFullScaleKw(ratedKw),
                frequencyHz,
                chain == null ? 0 : ticks(chain.meterDelayMs()));
        this.plant = plantController(site, devices, registerMap, ids, frequencyHz);
    }

    /**
     * The plant controller, when the site runs its fast loop in a device ({@code control.fast.host:
     * device}) and the register map lays one out; else null.
     */
    private TwinPlantController plantController(
            SiteConfig site,
            EmsConfig.Devices devices,
            RegisterMap registerMap,
            Map<Integer, String> ids,
            double frequencyHz) {
        ControlChain chain = site.control();
        if (chain == null || chain.fastHost() != ControlChain.FastHost.DEVICE) {
            return null;
        }
        if (registerMap.plantController() == null) {
            throw new BadInputException(site.source() + ": control.fast.host is device but register map "
                    + registerMap.name() + " has no plantController section to serve it by");
        }
        if (!(SiteModels.controller(site) instanceof ControllerStack stack)) {
            throw new BadInputException(site.source() + ": control.fast.host is device, which needs a strategy "
                    + "stack (the plant controller runs its fast layers)");
        }
        EmsConfig.Endpoint e = devices.plantController();
        claim(ids, e);
        return new TwinPlantController(
                e.name(),
                e.unitId(),
                registerMap.plantController(),
                stack,
                batteries,
                frequencyHz,
                ticks(chain.fastPeriodMs()),
                tickS,
                ticks(chain.meterDelayMs()));
    }

    /** A duration in whole ticks, to the nearest (a delay is quantised by the tick). */
    private int ticks(long ms) {
        return (int) Math.round((double) ms / options.tickMs());
    }

    private static void claim(Map<Integer, String> ids, EmsConfig.Endpoint e) {
        if (e.unitId() < 1 || e.unitId() > 255) {
            throw new BadInputException(e.name() + ": Modbus unit id " + e.unitId() + " is outside 1 .. 255");
        }
        String other = ids.putIfAbsent(e.unitId(), e.name());
        if (other != null) {
            throw new BadInputException("Modbus unit id " + e.unitId() + " is given to both " + other + " and "
                    + e.name() + "; each device on one address needs its own unit id");
        }
    }

    /** Twice the larger of the contract, the batteries' ratings and the net load of the study's first hour. */
    private double meterFullScaleKw(double ratedKw) {
        double contract = site.grid().contractKw(); // NaN under grid.contract: auto
        double peak = Double.isNaN(contract) ? ratedKw : Math.max(contract, ratedKw);
        long firstHour = Math.min(grid.steps(), Math.max(1, 3_600_000 / grid.stepMs()));
        ProfileCursor l = new ProfileCursor(() -> SiteModels.load(site, grid), grid.steps());
        ProfileCursor p = new ProfileCursor(() -> SiteModels.pv(site, grid), grid.steps());
        for (long s = 0; s < firstHour; s++) {
            peak = Math.max(peak, Math.abs(l.at(s) - p.at(s)));
        }
        return 2 * Math.max(peak, 1);
    }

    /**
     * Serves the devices on {@code host:port} and, in real time, starts the models' timer.
     *
     * @throws BadInputException when the address cannot be bound (in use, not local)
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the timer runs until close shuts it down
    public synchronized void start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = new TwinTcpServer(new TwinServices(this, devices(), this::simulatedMs), host, port);
        } catch (IOException e) {
            throw new BadInputException(
                    "cannot serve Modbus on " + host + ":" + port + ": " + e.getMessage()
                            + "; choose another --port (or stop what is using it)",
                    e);
        }
        clockStartMs = options.clockMs().getAsLong() - simulatedMs;
        if (options.realTime()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "chikuden-twin");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::catchUp, options.tickMs(), options.tickMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** Steps the models, tick by tick, up to the clock. */
    public synchronized void catchUp() {
        long target = options.clockMs().getAsLong() - clockStartMs;
        if (options.realTime() && target - simulatedMs > MAX_CATCH_UP_MS) {
            clockStartMs += target - simulatedMs - MAX_CATCH_UP_MS;
            target = simulatedMs + MAX_CATCH_UP_MS;
        }
        while (simulatedMs + options.tickMs() <= target) {
            tick();
        }
    }

    private void tick() {
        long step = ((options.siteStartOffsetMs() + simulatedMs) % periodMs) / grid.stepMs();
        loadKw = load.at(step);
        pvKw = pv.at(step);
        double ambientC = ambient.at(step);
        simulatedMs += options.tickMs();
        if (plant != null) {
            plant.step(simulatedMs, grid.startEpochMs() + simulatedMs % periodMs, meter.meteredKw, tickS);
        }
        double batteryKw = 0;
        boolean commanded = plant != null && plant.controlling();
        for (TwinBattery b : batteries) {
            b.step(simulatedMs, tickS, ambientC);
            batteryKw += b.powerKw;
            commanded |= b.commandKw != 0;
        }
        if (controlFromMs < 0 && commanded) {
            controlFromMs = simulatedMs - options.tickMs();
        }
        meter.step(loadKw - pvKw - batteryKw, tickS);
        loadKwh += loadKw * tickS / 3600;
        pvKwh += pvKw * tickS / 3600;
        options.tickListener().tick(simulatedMs, meter.gridKw, loadKw, batteryKw);
    }

    /**
     * When control took over, ms of simulated time: the start of the first tick in which the plant
     * controller commanded the units or a unit had a setpoint other than 0; -1 before.
     */
    public synchronized long controlFromMs() {
        return controlFromMs;
    }

    /** The units, in the site's order: for tests of this package. */
    List<TwinBattery> batteries() {
        return batteries;
    }

    TwinMeter meter() {
        return meter;
    }

    /** The plant controller, or null: for tests of this package. */
    TwinPlantController plant() {
        return plant;
    }

    /** The plant controller's last aggregate command, kW; NaN when the twin has none. */
    public synchronized double plantCommandKw() {
        return plant == null ? Double.NaN : plant.commandKw();
    }

    /**
     * Switches the plant controller off (true: it ignores its enable register and the units follow
     * their own setpoints) or back on; for a run without it, all else equal.
     */
    public synchronized void plantControllerOff(boolean off) {
        if (plant == null) {
            throw new IllegalStateException("the twin has no plant controller (control.fast.host is not device)");
        }
        plant.off(off);
    }

    /** Sets a battery's alarm bits; while any is set it reports FAULT and holds 0 kW. */
    public synchronized void setAlarms(String battery, int bits) {
        TwinBattery b = byName.get(battery);
        if (b == null) {
            throw new IllegalArgumentException("no battery named " + battery + "; the twin has " + byName.keySet());
        }
        b.setAlarms(bits);
    }

    public synchronized long simulatedMs() {
        return simulatedMs;
    }

    public synchronized Snapshot snapshot() {
        List<BatteryState> states = new ArrayList<>();
        for (TwinBattery b : batteries) {
            states.add(new BatteryState(
                    b.name,
                    b.unitId,
                    b.commandKw,
                    b.powerKw,
                    b.battery.soc(),
                    b.battery.storedEnergyKwh(),
                    Math.max(0, b.battery.maxChargeKw(tickS)),
                    Math.max(0, b.battery.maxDischargeKw(tickS)),
                    b.battery.ledger()));
        }
        return new Snapshot(
                simulatedMs,
                grid.startEpochMs() + (options.siteStartOffsetMs() + simulatedMs) % periodMs,
                states,
                loadKw,
                pvKw,
                meter.gridKw,
                meter.importKwh,
                meter.exportKwh,
                loadKwh,
                pvKwh);
    }

    /** The served devices: the batteries in the site's order, then the meter. */
    public List<ServedDevice> servedDevices() {
        List<ServedDevice> out = new ArrayList<>();
        for (TwinBattery b : batteries) {
            out.add(new ServedDevice(b.name, b.unitId, b.map));
        }
        out.add(new ServedDevice(meter.name, meter.unitId, meter.map));
        if (plant != null) {
            out.add(new ServedDevice(plant.name, plant.unitId, plant.map));
        }
        return out;
    }

    /** The power of ten a device scales {@code point} by (its scale-factor register, as served now). */
    public synchronized int exponent(int unitId, Point point) {
        for (TwinDevice d : devices()) {
            if (d.unitId == unitId) {
                return d.image.exponent(point);
            }
        }
        throw new IllegalArgumentException("no device with unit id " + unitId);
    }

    private List<TwinDevice> devices() {
        List<TwinDevice> all = new ArrayList<>(batteries);
        all.add(meter);
        if (plant != null) {
            all.add(plant);
        }
        return all;
    }

    public RegisterMap registerMap() {
        return registerMap;
    }

    public TimeGrid timeGrid() {
        return grid;
    }

    public Options options() {
        return options;
    }

    /** Stops serving and stepping; connected clients see the connection close. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        TwinTcpServer s;
        synchronized (this) { // stopped outside the lock: a request being served may be waiting for it
            t = timer;
            s = server;
            timer = null;
            server = null;
        }
        if (t != null) {
            t.shutdownNow();
        }
        if (s != null) {
            s.close();
        }
    }
}
