package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Follows a per-slot schedule from {@code startEpochMs} (slot {@code i} covers
 * {@code [start + i * slotMs, start + (i + 1) * slotMs)}), by preference only: higher layers and
 * the battery's limits may cut it. Outside the schedule it states no preference.
 *
 * <p>A power schedule prefers each slot's kW. An energy schedule ({@link #energy}) counts the energy
 * actually delivered in the slot and prefers the power that delivers the rest evenly over the time
 * left, so a step that was cut is made up later in the same slot when the battery can.
 */
public final class ScheduleFollower implements ControlLayer {
    private final long startEpochMs;
    private final long slotMs;
    private final double[] values;
    private final boolean energy;
    /** The slot {@link #deliveredKwh} belongs to. */
    private long trackedSlot = Long.MIN_VALUE;
    private double deliveredKwh;

    /** Follows {@code powerKw[i]} (battery kW, {@code > 0} discharge) in slot {@code i}. */
    public ScheduleFollower(long startEpochMs, long slotMs, double[] powerKw) {
        this(startEpochMs, slotMs, powerKw, false);
    }

    /** Delivers {@code energyKwh[i]} (net AC kWh, {@code > 0} discharge) in slot {@code i}. */
    public static ScheduleFollower energy(long startEpochMs, long slotMs, double[] energyKwh) {
        return new ScheduleFollower(startEpochMs, slotMs, energyKwh, true);
    }

    private ScheduleFollower(long startEpochMs, long slotMs, double[] values, boolean energy) {
        if (slotMs <= 0) {
            throw new IllegalArgumentException("slotMs must be > 0, was " + slotMs);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException((energy ? "energyKwh[" : "powerKw[") + i + "] must be finite, was "
                        + values[i]);
            }
        }
        this.startEpochMs = startEpochMs;
        this.slotMs = slotMs;
        this.values = values.clone();
        this.energy = energy;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        long slot = slotOf(m.epochMs());
        if (slot < 0 || slot >= values.length) {
            return;
        }
        if (!energy) {
            window.prefer(values[(int) slot]);
            return;
        }
        double doneKwh = slot == trackedSlot ? deliveredKwh : 0;
        double hoursLeft = (slotEnd(slot) - m.epochMs()) / 3_600_000.0;
        window.prefer((values[(int) slot] - doneKwh) / hoursLeft);
    }

    /** Credits the step's energy to the slots it covers (a step may straddle a slot boundary). */
    @Override
    public void applied(double batteryKw, Measurements m) {
        if (!energy) {
            return;
        }
        long t = m.epochMs();
        long end = t + Math.round(m.stepS() * 1000);
        while (t < end) {
            long slot = slotOf(t);
            if (slot != trackedSlot) {
                trackedSlot = slot;
                deliveredKwh = 0;
            }
            long until = Math.min(end, slotEnd(slot));
            deliveredKwh += batteryKw * (until - t) / 3_600_000.0;
            t = until;
        }
    }

    private long slotOf(long epochMs) {
        return Math.floorDiv(epochMs - startEpochMs, slotMs);
    }

    private long slotEnd(long slot) {
        return startEpochMs + (slot + 1) * slotMs;
    }
}
