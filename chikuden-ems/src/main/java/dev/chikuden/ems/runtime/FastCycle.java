package dev.chikuden.ems.runtime;

import dev.chikuden.control.ControlChain;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.Measurements;
import dev.chikuden.ems.device.BessDevice;
import dev.chikuden.ems.device.GridMeterDevice;
import dev.chikuden.ems.device.MeterReading;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One cycle of the fast loop, on its own thread between the supervisory cycles
 * ({@code control.fast.period}, 10 ms and up):
 * <ol>
 *   <li>read the grid meter alone, one request, and wait until {@value ControlCycle#READ_SHARE} of the
 *       period; a meter that does not answer in time (or still owes the answer of an earlier cycle)
 *       makes the cycle hold: nothing is written, the units keep the last command, the miss is
 *       counted;</li>
 *   <li>under the supervisory cycle's lock: nothing when the last supervisory pass did not hold a
 *       window (starting, a device missing) or the site is safe; else the measurements, with the load
 *       estimated as the metered grid power plus the battery power the loop's own commands produce
 *       through the converter ({@link ConverterModel}: the chain's command delay, first-order lag and
 *       ramp, reset to the units' measured power whenever the loop did not command), then
 *       {@code stack.fastRequestKw}, whose window is the units' limits, and the request shared over the
 *       units by the headroom the supervisory cycle last read; the writes are started before the lock is
 *       released, so the safe state, set under it, is never followed by a fast command decided
 *       before;</li>
 *   <li>wait for every acknowledgement until {@value ControlCycle#WRITE_SHARE} of the period: all
 *       acknowledged, the stack hears the command ({@code applied}) and the read-to-acknowledge
 *       latency is recorded; a write that fails raises its alarm and puts the site in the safe state
 *       at once, with the safe setpoint written from this thread, as the supervisory cycle does.</li>
 * </ol>
 *
 * <p>Allocates the device futures only.
 */
final class FastCycle {
    private final CycleClock clock;
    private final long readBudgetNanos;
    private final long writeBudgetNanos;
    private final long meterDelayNanos;
    private final double stepS;
    private final GridMeterDevice meter;
    private final ControlCycle cycle;
    private final ControllerStack stack;
    private final FastLoopStats stats;
    private final ConverterModel model;
    private final SlotImport slot;
    private final Measurements m = new Measurements();
    private final double[] setpoints;
    private final CompletableFuture<?>[] writes;
    private CompletableFuture<MeterReading> pending;
    /** The model follows the loop's own commands; false until the first and after the safe state. */
    private boolean modelled;

    FastCycle(
            CycleClock clock,
            long periodNanos,
            ControlChain chain,
            ZoneId zone,
            GridMeterDevice meter,
            BessDevice[] units,
            ControlCycle cycle,
            ControllerStack stack,
            FastLoopStats stats) {
        this.clock = clock;
        this.readBudgetNanos = (long) (periodNanos * ControlCycle.READ_SHARE);
        this.writeBudgetNanos = (long) (periodNanos * ControlCycle.WRITE_SHARE);
        this.meterDelayNanos = chain.meterDelayMs() * 1_000_000L;
        this.stepS = periodNanos / 1e9;
        this.meter = meter;
        this.cycle = cycle;
        this.stack = stack;
        this.stats = stats;
        this.model = new ConverterModel(chain, periodNanos);
        this.slot = new SlotImport(zone);
        this.setpoints = new double[units.length];
        this.writes = new CompletableFuture<?>[units.length];
    }

    /** Runs the fast cycle that was due at {@code dueNanos}. */
    void run(long dueNanos) {
        try {
            control(dueNanos);
        } catch (RuntimeException e) {
            modelled = false; // the loop's failsafe writes the safe setpoint
            throw e;
        }
    }

    private void control(long dueNanos) {
        long startNanos = clock.nanoTime();
        long epochMs = clock.epochMs();
        stats.cycle();

        // 1. the grid meter, alone
        MeterReading r = readMeter(startNanos + readBudgetNanos);
        if (r == null) {
            stats.meterMissed();
            return; // hold
        }

        // 2. decide and start the writes, under the supervisory lock
        double commandedKw;
        String binding;
        cycle.lock.lock();
        try {
            if (!cycle.fastMayCommand()) {
                modelled = false;
                return;
            }
            BatteryUnitImage image = cycle.image();
            long seenNanos = startNanos - meterDelayNanos; // the meter shows the site as it was then
            if (!modelled) {
                model.reset(seenNanos, image.totalPowerKw());
            }
            double batteryKw = model.powerAt(seenNanos);
            double frequencyHz = r.frequencyHz();
            slot.reading(epochMs, r.gridKw(), r.importKwh());
            m.update(epochMs, stepS, r.gridKw() + batteryKw, 0, frequencyHz, slot.slotStartEpochMs(), slot.importKwh())
                    .gridAvailable(!(frequencyHz <= 0));
            if (!modelled) {
                stack.applied(batteryKw, m); // the ramp and the memories resume from what the units do
            }
            double request = stack.fastRequestKw(m, image);
            if (Double.isNaN(request)) {
                throw new IllegalStateException("the controller stack asked for NaN kW in the fast loop");
            }
            commandedKw = SetpointSplit.split(request, image.maxDischargeKw, image.maxChargeKw, setpoints);
            binding = stack.lastBinding();
            model.command(clock.nanoTime(), commandedKw);
            cycle.startFastWrites(setpoints, writes);
        } finally {
            cycle.lock.unlock();
        }

        // 3. the acknowledgements
        long deadline = startNanos + writeBudgetNanos;
        for (CompletableFuture<?> w : writes) {
            if (w != null) {
                clock.await(w, deadline);
            }
        }
        long ackNanos = clock.nanoTime();
        if (cycle.acknowledged(setpoints, writes, epochMs)) {
            cycle.lock.lock();
            try {
                stack.applied(commandedKw, m);
            } finally {
                cycle.lock.unlock();
            }
            modelled = true;
            stats.commanded(commandedKw, binding, (ackNanos - startNanos) / 1e6, (startNanos - dueNanos) / 1e6);
        } else {
            modelled = false;
            cycle.fastWriteFailed(setpoints, writes, ackNanos + writeBudgetNanos, epochMs);
        }
    }

    /** The meter's answer by the deadline, null when none came or it cannot be used. */
    private MeterReading readMeter(long deadlineNanos) {
        if (pending != null && !pending.isDone()) {
            return null; // the request of an earlier cycle is still open: never queue a second
        }
        try {
            pending = meter.read();
        } catch (RuntimeException e) {
            pending = null;
            return null;
        }
        if (pending == null || !clock.await(pending, deadlineNanos) || pending.isCompletedExceptionally()) {
            return null;
        }
        MeterReading r;
        try {
            r = pending.getNow(null);
        } catch (CompletionException e) {
            return null;
        }
        return r != null && Double.isFinite(r.gridKw()) ? r : null;
    }
}
