package dev.chikuden.ems.runtime;

import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.BessDevice;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.device.GridMeterDevice;
import dev.chikuden.ems.device.MeterReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One control cycle, start to end, on the cycle's thread:
 * <ol>
 *   <li>read every device at once and wait for all answers until one deadline ({@value #READ_SHARE} of
 *       the period after the start);</li>
 *   <li>the process image: one time stamp, each device fresh or not; a reading that did not come is
 *       NaN, never the last good one;</li>
 *   <li>the state: {@code SAFE} while a device is silent for more than {@code silentCycles} cycles, a
 *       unit refused its last setpoint or the watchdog saw a stuck cycle; else {@code RUNNING} once every
 *       device answered; else the state stays ({@code STARTING} until the first complete cycle);</li>
 *   <li>running with a complete image: the measurements, the controller stack, the site request
 *       split over the units within each one's limits; safe: the safe setpoint split the same way
 *       over the units that answered; otherwise (a device missed a cycle it is allowed to miss) the
 *       units hold their last setpoint and nothing is written;</li>
 *   <li>every setpoint written at once, acknowledged by {@value #WRITE_SHARE} of the period; a write
 *       that fails puts the site in the safe state at once, and the safe setpoint is written in the
 *       same cycle.</li>
 * </ol>
 *
 * <p>The stack hears, through {@code applied}, the setpoints written and acknowledged (what it
 * commanded, as the simulation tells it what the battery applied before the next step): the measured
 * power at the next cycle lags the command by the converter's response and is one instant, and
 * feeding it back would make the ramp and drop memories chase that lag. After a cycle in which the
 * stack did not decide (safe, hold, a failed write) it hears the measured battery power over that
 * cycle instead, as soon as the image is complete, so its ramp, drop and energy memories resume from
 * what the units really did; so does the first complete cycle, for the period before it, so the
 * converter ramp starts from the power the units hold when the service starts.
 *
 * <p>With a fast loop ({@link FastCycle}, when the stack has fast layers and the chain hosts them in
 * the EMS) this cycle is the supervisory one: it reads, images, alarms and goes safe as above, but
 * where it would decide it runs {@code stack.supervise} and writes nothing; the fast loop decides
 * and writes between its passes, and tells the stack what it commanded. The process image and
 * {@code supervise} are built under {@link #lock}, which the fast loop holds while it decides, so
 * the two never interleave (the locked work is microseconds, no I/O). The safe state is set under
 * the lock before the safe setpoint is written, so no fast command decided earlier follows it.
 *
 * <p>With a plant controller hosting the fast layers ({@link PlantControllerLink}) this cycle
 * supervises and, where it would write the units' setpoints, writes the controller its held requests
 * instead (heartbeat and enable with them); a failed write of that block is a write failure like a
 * unit's. In the safe state it writes the controller enable 0 and the units the safe setpoint.
 *
 * <p>Hot path: no maps, no streams, no boxing; what a cycle allocates is the device futures and the
 * snapshot (strings only for alarms, on transitions).
 */
final class ControlCycle {
    static final double READ_SHARE = 0.5;
    static final double WRITE_SHARE = 0.9;
    static final String SAFE_BINDING = "safe";
    static final String HOLD_BINDING = "hold";

    private final CycleClock clock;
    private final long readBudgetNanos;
    private final long writeBudgetNanos;
    private final double stepS;
    private final long periodMs;
    private final int silentCycles;
    private final double safeSetpointKw;
    private final boolean safeDischargeWithoutMeter;
    /** Whether the last cycle read the grid meter; the watchdog's and the shutdown's safe writes read it too. */
    private volatile boolean gridReading;

    private final BessDevice[] units;
    private final PolledDevice<MeterReading> meter;
    private final List<PolledDevice<BessReading>> polledUnits;
    private final BatteryUnitImage image;
    private final SlotImport slot;
    private final ControllerStack stack;
    private final Measurements measurements = new Measurements();
    private final Measurements lastSpan = new Measurements();
    private final AlarmLog alarms;
    private final Watchdog watchdog;
    private final TimingWindow times;
    private final double[] setpoints;
    private final CompletableFuture<?>[] writes;
    /** Non-null when a fast loop ({@link FastCycle}) decides: this cycle only supervises. */
    private final FastLoopStats fast;
    /** Non-null when a plant controller runs the fast layers: the cycle writes it, not the units. */
    private final PlantControllerLink plant;
    /** Guards the process image, the stack and the write alarms between this cycle and the fast loop. */
    final ReentrantLock lock = new ReentrantLock();
    /** The last cycle ran {@code supervise} on a complete image: the fast loop may command (under {@link #lock}). */
    private boolean supervised;

    private final AtomicReference<EmsState> state = new AtomicReference<>(EmsState.STARTING);
    private volatile boolean stopped;
    private long cycle;
    private long lastEpochMs = Long.MIN_VALUE;
    private boolean lastSpanTold;
    private int writeAlarms;
    private long controllerAlarm = -1;

    ControlCycle(
            CycleClock clock,
            long periodNanos,
            int silentCycles,
            double safeSetpointKw,
            boolean safeDischargeWithoutMeter,
            ZoneId zone,
            List<? extends BessDevice> units,
            GridMeterDevice meter,
            ControllerStack stack,
            AlarmLog alarms,
            Watchdog watchdog,
            TimingWindow times) {
        this(
                clock,
                periodNanos,
                silentCycles,
                safeSetpointKw,
                safeDischargeWithoutMeter,
                zone,
                units,
                meter,
                stack,
                alarms,
                watchdog,
                times,
                null,
                null);
    }

    /**
     * @param fast  what the fast loop that decides between supervisory passes did; null for the single loop
     * @param plant the plant controller that decides between them instead; null for none
     */
    ControlCycle(
            CycleClock clock,
            long periodNanos,
            int silentCycles,
            double safeSetpointKw,
            boolean safeDischargeWithoutMeter,
            ZoneId zone,
            List<? extends BessDevice> units,
            GridMeterDevice meter,
            ControllerStack stack,
            AlarmLog alarms,
            Watchdog watchdog,
            TimingWindow times,
            FastLoopStats fast,
            PlantControllerLink plant) {
        this.fast = fast;
        this.plant = plant;
        this.clock = clock;
        this.readBudgetNanos = (long) (periodNanos * READ_SHARE);
        this.writeBudgetNanos = (long) (periodNanos * WRITE_SHARE);
        this.stepS = periodNanos / 1e9;
        this.periodMs = periodNanos / 1_000_000;
        this.silentCycles = silentCycles;
        this.safeSetpointKw = safeSetpointKw;
        this.safeDischargeWithoutMeter = safeDischargeWithoutMeter;
        this.units = units.toArray(new BessDevice[0]);
        this.meter = new PolledDevice<>(
                meter.name(),
                "meter",
                meter.address(),
                meter::read,
                r -> Double.isFinite(r.gridKw()) ? null : "grid power is " + r.gridKw());
        this.polledUnits = new ArrayList<>();
        for (BessDevice u : this.units) {
            polledUnits.add(new PolledDevice<>(u.name(), "bess", u.address(), u::read, BatteryUnitImage::problem));
        }
        this.image = new BatteryUnitImage(this.units.length);
        for (int i = 0; i < image.size; i++) {
            image.missing(i);
        }
        image.summarise();
        this.slot = new SlotImport(zone);
        this.stack = stack;
        this.alarms = alarms;
        this.watchdog = watchdog;
        this.times = times;
        this.setpoints = new double[this.units.length];
        this.writes = new CompletableFuture<?>[this.units.length];
    }

    /** Runs one cycle that was due at {@code scheduledNanos}; returns what it saw and did. */
    CycleSnapshot run(long scheduledNanos) {
        long startNanos = clock.nanoTime();
        long n = ++cycle;
        long epochMs = clock.epochMs();
        watchdog.started(n, startNanos);
        try {
            return control(n, scheduledNanos, startNanos, epochMs);
        } catch (RuntimeException e) {
            watchdog.ended(n, clock.epochMs());
            throw e;
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // each unit keeps its own read and awaits it
    private CycleSnapshot control(long n, long scheduledNanos, long startNanos, long epochMs) {
        // 1. read everything at once, one deadline for all
        long readDeadline = startNanos + readBudgetNanos;
        CompletableFuture<MeterReading> meterRead = meter.startRead();
        for (int i = 0; i < polledUnits.size(); i++) {
            polledUnits.get(i).startRead();
        }
        clock.await(meterRead, readDeadline);
        for (int i = 0; i < polledUnits.size(); i++) {
            polledUnits.get(i).await(clock, readDeadline);
        }

        // 2. the process image (with a fast loop, under the lock it decides under)
        if (fast != null) {
            lock.lock();
        }
        try {
            return decide(n, scheduledNanos, startNanos, epochMs);
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    private CycleSnapshot decide(long n, long scheduledNanos, long startNanos, long epochMs) {
        long waitedMs = readBudgetNanos / 1_000_000;
        MeterReading mr = meter.collect(epochMs, waitedMs);
        for (int i = 0; i < polledUnits.size(); i++) {
            BessReading r = polledUnits.get(i).collect(epochMs, waitedMs);
            if (r != null) {
                image.set(i, r);
            } else {
                image.missing(i);
            }
            deviceAlarm(polledUnits.get(i), r, epochMs);
        }
        image.summarise();
        int stale = image.stale() + (mr == null ? 1 : 0);
        int silent = silent(meter, epochMs);
        for (int i = 0; i < polledUnits.size(); i++) {
            silent += silent(polledUnits.get(i), epochMs);
        }
        boolean complete = stale == 0;
        double gridKw = mr == null ? Double.NaN : mr.gridKw();
        gridReading = Double.isFinite(gridKw);
        double frequencyHz = mr == null ? Double.NaN : mr.frequencyHz();
        double batteryKw = image.totalPowerKw();
        double loadKw = gridKw + batteryKw; // no PV meter: pv is 0, so the load is the site's net load
        if (mr != null) {
            slot.reading(epochMs, gridKw, mr.importKwh());
        }
        if (complete) {
            boolean gridAvailable = !(frequencyHz <= 0); // a meter without voltage reads 0 Hz
            measurements
                    .update(epochMs, stepS, loadKw, 0, frequencyHz, slot.slotStartEpochMs(), slot.importKwh())
                    .gridAvailable(gridAvailable);
            if (!lastSpanTold && fast == null) { // the fast loop tells the stack what the units do
                // the stack did not decide the last cycle (or there was none): tell it what the units did
                long spanStart = lastEpochMs == Long.MIN_VALUE ? epochMs - periodMs : lastEpochMs;
                lastSpan.update(
                                spanStart,
                                (epochMs - spanStart) / 1000.0,
                                loadKw,
                                0,
                                frequencyHz,
                                slot.slotStartEpochMs(),
                                slot.importKwh())
                        .gridAvailable(gridAvailable);
                stack.applied(batteryKw, lastSpan);
            }
        }

        // 3. decide and write
        EmsState s = state.get();
        if (silent > 0 || writeAlarms > 0 || watchdog.stuck()) {
            s = EmsState.SAFE;
        } else if (complete) {
            s = EmsState.RUNNING;
        }
        long writeDeadline = startNanos + writeBudgetNanos;
        String binding = HOLD_BINDING;
        double commandedKw = Double.NaN;
        boolean told = false;
        if (fast != null) {
            supervised = false;
            if (s == EmsState.RUNNING && complete) {
                if (supervise(epochMs)) {
                    supervised = true;
                    binding = fast.lastBinding();
                    commandedKw = fast.lastCommandedKw();
                } else {
                    s = EmsState.SAFE;
                }
            }
            if (s == EmsState.SAFE || watchdog.tripped(n)) {
                state(EmsState.SAFE); // before the safe write: the fast loop commands nothing more
            }
            lock.unlock();
        } else if (plant != null && s == EmsState.RUNNING && complete) {
            if (supervise(epochMs) && writePlant(n, writeDeadline, epochMs)) {
                binding = plant.binding();
                commandedKw = plant.commandKw();
            } else {
                s = EmsState.SAFE;
            }
        } else if (s == EmsState.RUNNING && complete) {
            double request = request(epochMs);
            if (Double.isNaN(request)) {
                s = EmsState.SAFE;
            } else {
                commandedKw = SetpointSplit.split(request, image.maxDischargeKw, image.maxChargeKw, setpoints);
                if (write(n, setpoints, writes, writeDeadline, epochMs)) {
                    stack.applied(commandedKw, measurements);
                    told = true;
                    binding = stack.lastBinding();
                } else {
                    s = EmsState.SAFE;
                }
            }
        }
        if (watchdog.tripped(n)) {
            s = EmsState.SAFE; // the watchdog wrote the safe setpoint for this cycle
            binding = SAFE_BINDING;
            commandedKw = Double.NaN;
        } else if (s == EmsState.SAFE) {
            binding = SAFE_BINDING;
            commandedKw = writeSafe(n, writeDeadline, epochMs);
        }

        // 4. the record
        long endNanos = clock.nanoTime();
        watchdog.ended(n, clock.epochMs());
        double cycleMs = (endNanos - startNanos) / 1e6;
        double lateMs = (startNanos - scheduledNanos) / 1e6;
        times.record(cycleMs, lateMs);
        state(s);
        lastEpochMs = epochMs;
        lastSpanTold = told;
        return new CycleSnapshot(
                n,
                epochMs,
                state.get(),
                gridKw,
                loadKw,
                frequencyHz,
                batteryKw,
                commandedKw,
                image.totalSoc(),
                binding,
                cycleMs,
                lateMs,
                stale,
                alarms.activeCount());
    }

    /** The stack's request, NaN when it failed or gave no number (an alarm, the safe state for this cycle). */
    private double request(long epochMs) {
        double request;
        String failure;
        try {
            request = stack.requestKw(measurements, image);
            failure = Double.isNaN(request) ? "the controller stack asked for NaN kW" : null;
        } catch (RuntimeException e) {
            request = Double.NaN;
            failure = "the controller stack failed: " + PolledDevice.describe(e);
        }
        controllerOutcome(failure, epochMs);
        return request;
    }

    /** The supervisory pass for the fast loop; false when the stack failed (an alarm, the safe state for this cycle). */
    private boolean supervise(long epochMs) {
        String failure;
        try {
            stack.supervise(measurements, image);
            failure = null;
        } catch (RuntimeException e) {
            failure = "the controller stack failed: " + PolledDevice.describe(e);
        }
        controllerOutcome(failure, epochMs);
        return failure == null;
    }

    private void controllerOutcome(String failure, long epochMs) {
        if (failure != null) {
            if (controllerAlarm < 0) {
                controllerAlarm = alarms.raise("controller-failed", "stack", failure, epochMs);
            }
        } else if (controllerAlarm >= 0) {
            alarms.clear(controllerAlarm, epochMs);
            controllerAlarm = -1;
        }
    }

    /** The safe setpoint over the units that answered this cycle; returns the total written. */
    private double writeSafe(long n, long deadlineNanos, long epochMs) {
        CompletableFuture<?> off = plant == null || stopped ? null : plant.startDisable();
        double total = safeSetpoints(setpoints);
        write(n, setpoints, writes, deadlineNanos, epochMs);
        if (off != null) {
            plantOutcome(off, deadlineNanos, epochMs, "enable 0");
        }
        return total;
    }

    /** The plant controller's block for this cycle's supervision; whether it was acknowledged by the deadline. */
    private boolean writePlant(long n, long deadlineNanos, long epochMs) {
        if (watchdog.tripped(n) || stopped) {
            return false; // the watchdog or the shutdown wrote the safe setpoint: never override it
        }
        return plantOutcome(plant.startCommand(), deadlineNanos, epochMs, "the held requests");
    }

    /** Awaits a write to the plant controller; raises or clears its {@code write-failed} alarm as for a unit. */
    private boolean plantOutcome(CompletableFuture<?> w, long deadlineNanos, long epochMs, String what) {
        clock.await(w, deadlineNanos);
        String problem = outcome(w);
        if (problem == null) {
            if (plant.writeAlarm >= 0) {
                alarms.clear(plant.writeAlarm, epochMs);
                plant.writeAlarm = -1;
                writeAlarms--;
            }
            return true;
        }
        if (plant.writeAlarm < 0) {
            plant.writeAlarm =
                    alarms.raise("write-failed", plant.name(), what + " to " + plant + " failed: " + problem, epochMs);
            writeAlarms++;
        }
        return false;
    }

    /** The safe setpoint split by the limits last read, NaN (not written) for a unit that did not answer. */
    double safeSetpoints(double[] out) {
        double total = safeSplit(out);
        for (int i = 0; i < out.length; i++) {
            if (!image.fresh[i]) {
                out[i] = Double.NaN; // unreachable: not written
            }
        }
        return total;
    }

    /** The safe setpoint split over the units by the limits last read (0 for a unit that did not answer). */
    double safeSplit(double[] out) {
        return SetpointSplit.split(safeKw(), image.maxDischargeKw, image.maxChargeKw, out);
    }

    /**
     * The safe setpoint now: without a grid reading a discharging one is 0 unless the site file
     * allows it, as discharge blind to the grid may export or overload the point of connection.
     */
    double safeKw() {
        return safeSetpointKw > 0 && !gridReading && !safeDischargeWithoutMeter ? 0 : safeSetpointKw;
    }

    /**
     * Writes {@code kw} (NaN: skip that unit) all at once and waits for the answers until the
     * deadline. Stops issuing writes once the watchdog has declared this cycle stuck.
     *
     * @param writes receives the writes in flight (one per unit), emptied before it returns
     * @return whether every write was acknowledged
     */
    private boolean write(long n, double[] kw, CompletableFuture<?>[] writes, long deadlineNanos, long epochMs) {
        for (int i = 0; i < units.length; i++) {
            writes[i] = null;
            if (Double.isNaN(kw[i])) {
                continue;
            }
            if (watchdog.tripped(n) || stopped) {
                return false; // the watchdog or the shutdown wrote the safe setpoint: never override it
            }
            writes[i] = startWrite(units[i], kw[i]);
        }
        for (CompletableFuture<?> w : writes) {
            if (w != null) {
                clock.await(w, deadlineNanos);
            }
        }
        return acknowledged(kw, writes, epochMs);
    }

    /**
     * Starts the fast loop's writes, under {@link #lock}, unless the safe state, the shutdown or a
     * supervisory cycle that did not supervise forbids it.
     *
     * @return whether they were started
     */
    boolean startFastWrites(double[] kw, CompletableFuture<?>[] writes) {
        if (!fastMayCommand()) {
            return false;
        }
        for (int i = 0; i < units.length; i++) {
            writes[i] = Double.isNaN(kw[i]) ? null : startWrite(units[i], kw[i]);
        }
        return true;
    }

    /** Under {@link #lock}: the last supervisory pass held a window and nothing has put the site in the safe state since. */
    boolean fastMayCommand() {
        EmsState s = state.get();
        return supervised && !stopped && s != EmsState.SAFE && s != EmsState.STOPPED;
    }

    /**
     * The fast loop's writes failed: the safe state at once, and the safe setpoint written from the
     * fast thread in the same cycle, as the supervisory cycle does after a failed write.
     */
    void fastWriteFailed(double[] kw, CompletableFuture<?>[] writes, long deadlineNanos, long epochMs) {
        lock.lock();
        try {
            supervised = false;
            state(EmsState.SAFE);
            safeSetpoints(kw);
        } finally {
            lock.unlock();
        }
        write(Long.MIN_VALUE, kw, writes, deadlineNanos, epochMs);
    }

    /**
     * The outcome of each write in {@code writes}: a failure raises {@code write-failed} for its unit
     * (which keeps the site safe until a write to it succeeds), a success clears it. Under
     * {@link #lock}: both loops write.
     *
     * @return whether every write was acknowledged
     */
    boolean acknowledged(double[] kw, CompletableFuture<?>[] writes, long epochMs) {
        lock.lock();
        try {
            return outcomes(kw, writes, epochMs);
        } finally {
            lock.unlock();
        }
    }

    private boolean outcomes(double[] kw, CompletableFuture<?>[] writes, long epochMs) {
        boolean ok = true;
        for (int i = 0; i < units.length; i++) {
            if (writes[i] == null) {
                continue;
            }
            String problem = outcome(writes[i]);
            writes[i] = null;
            PolledDevice<BessReading> link = polledUnits.get(i);
            if (problem == null) {
                if (link.writeAlarm >= 0) {
                    alarms.clear(link.writeAlarm, epochMs);
                    link.writeAlarm = -1;
                    writeAlarms--;
                }
            } else {
                ok = false;
                if (link.writeAlarm < 0) {
                    link.writeAlarm = alarms.raise(
                            "write-failed",
                            link.name,
                            "setpoint " + kw[i] + " kW to " + link + " failed: " + problem,
                            epochMs);
                    writeAlarms++;
                }
            }
        }
        return ok;
    }

    static CompletableFuture<?> startWrite(BessDevice unit, double kw) {
        try {
            CompletableFuture<?> f = unit.writeSetpoint(kw);
            return f != null
                    ? f
                    : CompletableFuture.failedFuture(new IllegalStateException("the driver returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Null when the write was acknowledged, else why not. */
    private String outcome(CompletableFuture<?> w) {
        if (!w.isDone()) {
            return "no acknowledgement by the cycle's deadline";
        }
        try {
            w.getNow(null);
            return null;
        } catch (CompletionException | CancellationException e) {
            return PolledDevice.describe(e);
        }
    }

    /** Raises or clears {@code device-silent}; returns 1 when the device is silent beyond what is allowed. */
    private int silent(PolledDevice<?> d, long epochMs) {
        if (d.misses() > silentCycles) {
            if (d.silentAlarm < 0) {
                d.silentAlarm = alarms.raise(
                        "device-silent",
                        d.name,
                        d + " silent for " + d.misses() + " cycles: " + d.lastProblem(),
                        epochMs);
            }
            return 1;
        }
        if (d.fresh() && d.silentAlarm >= 0) {
            alarms.clear(d.silentAlarm, epochMs);
            d.silentAlarm = -1;
        }
        return 0;
    }

    /** Raises or clears {@code device-alarm} from a unit's alarm bits and fault state (unchanged while it is silent). */
    private void deviceAlarm(PolledDevice<BessReading> d, BessReading r, long epochMs) {
        if (r == null) {
            return;
        }
        boolean alarmed = r.alarmBits() != 0 || r.state() == BatteryUnitState.FAULT;
        if (alarmed && d.deviceAlarm < 0) {
            d.deviceAlarm = alarms.raise(
                    "device-alarm",
                    d.name,
                    d + " reports alarm bits 0x" + Integer.toHexString(r.alarmBits()) + " in state " + r.state(),
                    epochMs);
        } else if (!alarmed && d.deviceAlarm >= 0) {
            alarms.clear(d.deviceAlarm, epochMs);
            d.deviceAlarm = -1;
        }
    }

    EmsState state() {
        return state.get();
    }

    /** The service is shutting down: a cycle still running (a hung one) writes nothing more. */
    void stopWriting() {
        stopped = true;
    }

    /** Sets the state, except after the service stopped (the cycle, the watchdog and the shutdown may race). */
    void state(EmsState s) {
        EmsState now;
        do {
            now = state.get();
            if (now == EmsState.STOPPED) {
                return;
            }
        } while (!state.compareAndSet(now, s));
    }

    /** The process image; the fast loop reads it under {@link #lock}. */
    BatteryUnitImage image() {
        return image;
    }

    /** The units, in the site's order. */
    BessDevice[] units() {
        return units;
    }

    PolledDevice<MeterReading> meter() {
        return meter;
    }

    List<PolledDevice<BessReading>> polledUnits() {
        return polledUnits;
    }
}
