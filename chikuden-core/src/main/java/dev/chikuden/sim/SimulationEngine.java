package dev.chikuden.sim;

import dev.chikuden.battery.Battery;
import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.control.Controller;
import dev.chikuden.control.Measurements;
import dev.chikuden.profile.Profile;
import dev.chikuden.time.HalfHourDemandMeter;
import dev.chikuden.time.TimeGrid;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Owns simulated time. Each step: read load and PV, ask the controller for a battery power, let
 * the battery apply it within its limits, compute {@code grid = load - pv - battery}, meter the
 * 30-minute demand. Steps are produced in fixed-size chunks handed to the sinks, so memory does
 * not grow with the length of the study and nothing is allocated per step.
 */
public final class SimulationEngine {
    /** Chunk length: large enough to amortise calls, small enough to stay in cache. */
    public static final int DEFAULT_CHUNK = 8192;

    private final TimeGrid grid;
    private final Profile load;
    private final Profile pv;
    private final Profile ambientC;
    private final Battery battery;
    private final Controller controller;
    private final double gridFrequencyHz;
    private final int chunkSize;

    /** Ambient air at a constant 25 °C. */
    public static final Profile STANDARD_AMBIENT = (first, out, count) -> java.util.Arrays.fill(out, 0, count, 25.0);

    public SimulationEngine(
            TimeGrid grid, Profile load, Profile pv, Battery battery, Controller controller, double gridFrequencyHz) {
        this(grid, load, pv, battery, controller, gridFrequencyHz, DEFAULT_CHUNK);
    }

    public SimulationEngine(
            TimeGrid grid,
            Profile load,
            Profile pv,
            Battery battery,
            Controller controller,
            double gridFrequencyHz,
            int chunkSize) {
        this(grid, load, pv, STANDARD_AMBIENT, battery, controller, gridFrequencyHz, chunkSize);
    }

    /**
     * @param ambientC air temperature around the battery, °C
     */
    public SimulationEngine(
            TimeGrid grid,
            Profile load,
            Profile pv,
            Profile ambientC,
            Battery battery,
            Controller controller,
            double gridFrequencyHz,
            int chunkSize) {
        this.grid = grid;
        this.load = load;
        this.pv = pv;
        this.ambientC = ambientC;
        this.battery = battery;
        this.controller = controller;
        this.gridFrequencyHz = gridFrequencyHz;
        this.chunkSize = chunkSize;
    }

    /** Runs every step; the sinks are closed at the end, also when the run fails. */
    public SimulationResult run(List<? extends StepSink> sinks) {
        return run(sinks, null);
    }

    /**
     * Runs every step, telling {@code progress} (when not null) the number of steps of each chunk
     * done, once per chunk; the sinks are closed at the end, also when the run fails.
     */
    public SimulationResult run(List<? extends StepSink> sinks, LongConsumer progress) {
        long started = System.nanoTime();
        BatteryLedger ledgerAtStart = battery.ledger();
        StepChunk c = new StepChunk(chunkSize);
        double[] ambient = new double[chunkSize];
        GridMeter meter = new GridMeter(grid);
        HalfHourDemandMeter demand = new HalfHourDemandMeter(grid.zone());
        Measurements m = new Measurements();
        double stepS = grid.stepSeconds();
        long stepMs = grid.stepMs();
        try {
            for (long first = 0; first < grid.steps(); first += chunkSize) {
                int n = (int) Math.min(chunkSize, grid.steps() - first);
                load.fill(first, c.loadKw, n);
                pv.fill(first, c.pvKw, n);
                ambientC.fill(first, ambient, n);
                long t = grid.epochMsAt(first);
                for (int i = 0; i < n; i++, t += stepMs) {
                    double loadKw = c.loadKw[i];
                    double pvKw = c.pvKw[i];
                    boolean sameSlot = t < demand.slotEndEpochMs() && t >= demand.slotStartEpochMs();
                    m.update(
                            t,
                            stepS,
                            loadKw,
                            pvKw,
                            gridFrequencyHz,
                            sameSlot ? demand.slotStartEpochMs() : t,
                            sameSlot ? demand.slotImportKwh() : 0);
                    battery.setAmbientC(ambient[i]);
                    double batteryKw = battery.apply(controller.requestKw(m, battery), stepS);
                    controller.applied(batteryKw, m);
                    double gridKw = loadKw - pvKw - batteryKw;
                    demand.add(t, stepMs, gridKw);
                    c.batteryKw[i] = batteryKw;
                    c.gridKw[i] = gridKw;
                    c.soc[i] = battery.soc();
                }
                c.firstStep = first;
                c.count = n;
                meter.accept(c);
                for (StepSink s : sinks) {
                    s.accept(c);
                }
                if (progress != null) {
                    progress.accept(n);
                }
            }
        } finally {
            for (StepSink s : sinks) {
                s.close();
            }
        }
        demand.finish();
        double wall = (System.nanoTime() - started) / 1e9;
        return new SimulationResult(
                grid,
                meter.kpis(demand.peakKw(), demand.peakSlotStartEpochMs()),
                battery.ledger().since(ledgerAtStart),
                battery.health(),
                meter.socMin(),
                meter.socMax(),
                wall,
                controller.bindingShare());
    }
}
