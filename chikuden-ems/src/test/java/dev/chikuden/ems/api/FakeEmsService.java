package dev.chikuden.ems.api;

import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.device.MeterReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.ems.runtime.Alarm;
import dev.chikuden.ems.runtime.CycleTiming;
import dev.chikuden.ems.runtime.EmsService;
import dev.chikuden.ems.store.TelemetryPoint;
import dev.chikuden.site.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A service the tests drive by hand: each {@link #cycle} makes one snapshot (on the calling thread,
 * as the runtime would on its cycle thread) and calls the listeners; alarms and the state are set
 * directly. Telemetry is every snapshot so far, thinned to maxPoints by taking every k-th.
 */
final class FakeEmsService implements EmsService {
    final long periodMs;
    private final long startEpochMs;
    private volatile EmsState state = EmsState.STARTING;
    private volatile CycleSnapshot latest;
    private volatile ManualSetpoint.Setpoint manual;
    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();
    private final List<Consumer<CycleSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<CycleSnapshot> history = new ArrayList<>();
    private long cycle;
    private double soc = 0.5;
    /** The longest a listener held the cycle thread, for the report (never asserted: timings vary). */
    volatile long slowestListenerNs;

    FakeEmsService(long startEpochMs, long periodMs) {
        this.startEpochMs = startEpochMs;
        this.periodMs = periodMs;
    }

    /** One cycle: the battery follows the manual setpoint if one is held, else {@code batteryKw}. */
    CycleSnapshot cycle(double gridKw, double batteryKw) {
        return cycleAt(startEpochMs + cycle * periodMs, gridKw, batteryKw);
    }

    synchronized CycleSnapshot cycleAt(long epochMs, double gridKw, double batteryKw) {
        cycle++;
        if (state == EmsState.STARTING) {
            state = EmsState.RUNNING;
        }
        ManualSetpoint.Setpoint m = manual;
        boolean safe = state == EmsState.SAFE;
        double battery = safe ? 0 : m != null ? m.kw() : batteryKw;
        soc = Math.max(0, Math.min(1, soc - battery * periodMs / 3_600_000.0 / 10_000));
        int active = (int) alarms.stream().filter(Alarm::active).count();
        CycleSnapshot s = new CycleSnapshot(
                cycle,
                epochMs,
                state,
                gridKw,
                gridKw + battery,
                60.0,
                battery,
                battery,
                soc,
                safe ? "safe" : m != null ? "manual" : "peak-shaving",
                1.5,
                0.2,
                Double.isNaN(gridKw) ? 1 : 0,
                active);
        latest = s;
        history.add(s);
        for (Consumer<CycleSnapshot> l : listeners) {
            long t0 = System.nanoTime();
            l.accept(s);
            slowestListenerNs = Math.max(slowestListenerNs, System.nanoTime() - t0);
        }
        return s;
    }

    long cycles() {
        return cycle;
    }

    void state(EmsState s) {
        state = s;
    }

    void raise(String code, String source, String message, long atEpochMs) {
        alarms.add(0, new Alarm(code, source, message, atEpochMs, 0));
    }

    void clearAlarm(String code, long atEpochMs) {
        alarms.replaceAll(a -> a.code().equals(code) && a.active() ? a.cleared(atEpochMs) : a);
    }

    int listeners() {
        return listeners.size();
    }

    @Override
    public EmsState state() {
        return state;
    }

    @Override
    public CycleSnapshot latest() {
        return latest;
    }

    @Override
    public CycleTiming timing() {
        return new CycleTiming(cycle, periodMs, 1.5, 3.25, 4.0, 0.5, 0);
    }

    @Override
    public dev.chikuden.ems.runtime.FastLoopStatus fastLoop() {
        return null; // a single cycle
    }

    @Override
    public List<Alarm> alarms(boolean includeCleared) {
        List<Alarm> out = new ArrayList<>(alarms.stream().filter(Alarm::active).toList());
        if (includeCleared) {
            out.addAll(alarms.stream().filter(a -> !a.active()).toList());
        }
        return out;
    }

    @Override
    public List<StackLayer> stack() {
        return List.of(
                new StackLayer("soc-limits", "backup-reserve", new StrategySpec.BackupReserve(1000, 2), 0.02, false),
                new StackLayer(
                        "peak-shaving",
                        "demand-limiter",
                        new StrategySpec.DemandLimiter(120_000, 0.6, Double.POSITIVE_INFINITY),
                        0.98,
                        false));
    }

    @Override
    public EmsConfig config() {
        return new EmsConfig(
                periodMs,
                1,
                0,
                5 * periodMs,
                null,
                new EmsConfig.Http("127.0.0.1", 0, "fake-token", "test"),
                null,
                null,
                null);
    }

    @Override
    public List<DeviceStatus> devices() {
        BessReading bess =
                new BessReading(0, soc, 0.1, 0.9, 10_000, 1, 5000, 3000, 0, BatteryUnitState.RUNNING, 0, startEpochMs);
        MeterReading meter = new MeterReading(Double.NaN, Double.NaN, 0, 0, startEpochMs);
        return List.of(
                new DeviceStatus("bess-1", "bess", "127.0.0.1:1502 unit 1", true, 0L, 0, null, bess),
                new DeviceStatus(
                        "meter",
                        "meter",
                        "127.0.0.1:1502 unit 100",
                        false,
                        1000L,
                        1,
                        "no answer within 500 ms",
                        meter));
    }

    @Override
    public void setManualSetpoint(double kw, long expiresAtEpochMs) {
        manual = new ManualSetpoint.Setpoint(kw, expiresAtEpochMs);
    }

    @Override
    public void clearManualSetpoint() {
        manual = null;
    }

    @Override
    public ManualSetpoint.Setpoint manualSetpoint() {
        return manual;
    }

    @Override
    public TelemetryStatus telemetryStatus() {
        return new TelemetryStatus(cycle, 0);
    }

    @Override
    public synchronized List<TelemetryPoint> telemetry(long fromEpochMs, long toEpochMs, int maxPoints) {
        List<CycleSnapshot> in = history.stream()
                .filter(s -> s.epochMs() >= fromEpochMs && s.epochMs() <= toEpochMs)
                .toList();
        int every = Math.max(1, (in.size() + maxPoints - 1) / maxPoints);
        List<TelemetryPoint> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i += every) {
            CycleSnapshot s = in.get(i);
            out.add(new TelemetryPoint(
                    s.epochMs(),
                    periodMs,
                    1,
                    s.gridKw(),
                    s.gridKw(),
                    s.gridKw(),
                    s.batteryKw(),
                    s.batteryKw(),
                    s.batteryKw(),
                    s.setpointKw(),
                    s.loadKw(),
                    s.soc(),
                    s.frequencyHz()));
        }
        return out;
    }

    @Override
    public Runnable onCycle(Consumer<CycleSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
