package dev.chikuden.sim;

import dev.chikuden.battery.Battery;
import dev.chikuden.battery.BatteryLedger;
import dev.chikuden.control.ControlChain;
import dev.chikuden.control.Controller;
import dev.chikuden.control.ControllerStack;
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
    private final ControlChain chain;
    private long controlFromEpochMs = Long.MIN_VALUE;
    private boolean sinksOnOwnThread;

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
        this(grid, load, pv, ambientC, battery, controller, gridFrequencyHz, chunkSize, null);
    }

    /**
     * @param chain the control chain the controller acts through; null for the single-loop study, in
     *              which the controller acts once per step on that step's own load (see {@link #chained})
     */
    public SimulationEngine(
            TimeGrid grid,
            Profile load,
            Profile pv,
            Profile ambientC,
            Battery battery,
            Controller controller,
            double gridFrequencyHz,
            int chunkSize,
            ControlChain chain) {
        this.grid = grid;
        this.load = load;
        this.pv = pv;
        this.ambientC = ambientC;
        this.battery = battery;
        this.controller = controller;
        this.gridFrequencyHz = gridFrequencyHz;
        this.chunkSize = chunkSize;
        this.chain = chain;
    }

    /**
     * Whether {@code chain} is simulated below the study step on {@code grid}: when it has latency and
     * the step is at most {@link ControlChain#MAX_CHAINED_STEP_MS}. At longer steps a sub-second
     * latency is below what the step resolves, and the loops act once per step on its own load.
     */
    public static boolean chained(ControlChain chain, TimeGrid grid) {
        return chain != null && !chain.zeroLatency() && grid.stepMs() <= ControlChain.MAX_CHAINED_STEP_MS;
    }

    /**
     * The controller takes over at {@code epochMs}: before it the battery idles (its auxiliaries
     * only), and the loops' first passes are then. For comparing with a live run whose control
     * began at a known moment; a study starts its control with the run.
     */
    public SimulationEngine controlFrom(long epochMs) {
        this.controlFromEpochMs = epochMs;
        return this;
    }

    /**
     * The sinks record on a thread of their own while the engine simulates on: for a run whose sinks
     * (result files, meters) cost about as much as the simulation, on a machine with a core to spare.
     */
    public SimulationEngine sinksOnOwnThread() {
        this.sinksOnOwnThread = true;
        return this;
    }

    /** A chunk's steps without battery: the grid takes the load less the PV. */
    private static void idleSteps(StepChunk c, int n) {
        for (int i = 0; i < n; i++) {
            double batteryKw = 0;
            c.batteryKw[i] = batteryKw;
            c.gridKw[i] = c.loadKw[i] - c.pvKw[i] - batteryKw;
            c.soc[i] = Double.NaN;
        }
    }

    /*
     * The two loops below are methods of their own, called once per chunk, so that the JIT compiles
     * each from its own profile: one method serving the single loop and the chain (a study runs both
     * at once) was compiled from their mixed profile, recompiled and ran slower.
     */

    /** A chunk's steps with the controller acting once per step on that step's own load. */
    private void controlledSteps(
            StepChunk c, double[] ambient, int n, long t, Measurements m, HalfHourDemandMeter demand) {
        double stepS = grid.stepSeconds();
        long stepMs = grid.stepMs();
        for (int i = 0; i < n; i++, t += stepMs) {
            double loadKw = c.loadKw[i];
            double pvKw = c.pvKw[i];
            measure(m, t, stepS, loadKw, pvKw, demand);
            battery.setAmbientC(ambient[i]);
            double batteryKw;
            if (t < controlFromEpochMs) {
                batteryKw = battery.apply(0, stepS);
            } else {
                batteryKw = battery.apply(controller.requestKw(m, battery), stepS);
                controller.applied(batteryKw, m);
            }
            record(c, i, t, stepMs, loadKw - pvKw - batteryKw, batteryKw, demand);
        }
    }

    /** A chunk's steps with the controller's loops acting through the control chain. */
    private void chainedSteps(
            StepChunk c,
            double[] ambient,
            int n,
            long t,
            Measurements m,
            HalfHourDemandMeter demand,
            ChainedControl chained) {
        double stepS = grid.stepSeconds();
        long stepMs = grid.stepMs();
        for (int i = 0; i < n; i++, t += stepMs) {
            double loadKw = c.loadKw[i];
            double pvKw = c.pvKw[i];
            measure(m, t, stepS, loadKw, pvKw, demand);
            battery.setAmbientC(ambient[i]);
            double askedKw =
                    chained.step(t, loadKw, pvKw, gridFrequencyHz, m.slotStartEpochMs(), m.slotImportKwh(), battery);
            double batteryKw = battery.apply(askedKw, stepS);
            chained.delivered(batteryKw, askedKw);
            record(c, i, t, stepMs, loadKw - pvKw - batteryKw, batteryKw, demand);
        }
    }

    private void measure(Measurements m, long t, double stepS, double loadKw, double pvKw, HalfHourDemandMeter demand) {
        boolean sameSlot = t < demand.slotEndEpochMs() && t >= demand.slotStartEpochMs();
        m.update(
                t,
                stepS,
                loadKw,
                pvKw,
                gridFrequencyHz,
                sameSlot ? demand.slotStartEpochMs() : t,
                sameSlot ? demand.slotImportKwh() : 0);
    }

    private void record(
            StepChunk c, int i, long t, long stepMs, double gridKw, double batteryKw, HalfHourDemandMeter demand) {
        demand.add(t, stepMs, gridKw);
        c.batteryKw[i] = batteryKw;
        c.gridKw[i] = gridKw;
        c.soc[i] = battery.soc();
    }

    /** The controller as a stack the chain can split into its loops. */
    private static ControllerStack stack(Controller controller) {
        return controller instanceof ControllerStack s ? s : ControllerStack.single(controller);
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
        SinkThread recorder = sinksOnOwnThread && !sinks.isEmpty() ? new SinkThread(sinks, chunkSize) : null;
        StepChunk c = recorder == null ? new StepChunk(chunkSize) : null;
        double[] ambient = new double[chunkSize];
        GridMeter meter = new GridMeter(grid);
        HalfHourDemandMeter demand = new HalfHourDemandMeter(grid.zone());
        Measurements m = new Measurements();
        long stepMs = grid.stepMs();
        ChainedControl chained =
                chained(chain, grid) ? new ChainedControl(chain, stepMs, stack(controller), controlFromEpochMs) : null;
        // nothing asks, nothing answers: no measurements to take, the demand meter fed a chunk at a time
        boolean idle = battery == Battery.NONE && controller == Controller.IDLE && chained == null;
        try {
            for (long first = 0; first < grid.steps(); first += chunkSize) {
                if (recorder != null) {
                    if (recorder.failed()) {
                        break;
                    }
                    c = recorder.next();
                }
                int n = (int) Math.min(chunkSize, grid.steps() - first);
                load.fill(first, c.loadKw, n);
                pv.fill(first, c.pvKw, n);
                long t = grid.epochMsAt(first);
                if (idle) {
                    idleSteps(c, n);
                    demand.addSteps(t, stepMs, c.gridKw, 0, n);
                } else {
                    ambientC.fill(first, ambient, n); // the air around the battery: none without one
                    if (chained == null) {
                        controlledSteps(c, ambient, n, t, m, demand);
                    } else {
                        chainedSteps(c, ambient, n, t, m, demand, chained);
                    }
                }
                c.firstStep = first;
                c.count = n;
                meter.accept(c);
                if (recorder != null) {
                    recorder.hand(c);
                } else {
                    for (StepSink s : sinks) {
                        s.accept(c);
                    }
                }
                if (progress != null) {
                    progress.accept(n);
                }
            }
        } finally {
            if (recorder != null) {
                recorder.finish();
            } else {
                for (StepSink s : sinks) {
                    s.close();
                }
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
