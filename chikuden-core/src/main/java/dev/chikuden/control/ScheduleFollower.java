package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Follows a per-slot schedule from {@code startEpochMs} (slot {@code i} covers
 * {@code [start + i * slotMs, start + (i + 1) * slotMs)}), by preference only: higher layers and
 * the battery's limits may cut it. Outside the schedule it states no preference.
 *
 * <p>A power schedule prefers each slot's kW. An energy schedule ({@link #energy}) is paced by an
 * {@link EnergyPacer}: it counts the energy actually delivered in the slot and prefers the power that
 * delivers the rest evenly over the time left, so a step that was cut is made up later in the same
 * slot when the battery can.
 */
public final class ScheduleFollower implements ControlLayer {
    private final EnergyPacer pacer;
    private final double[] values;
    private final boolean energy;

    /** Follows {@code powerKw[i]} (battery kW, {@code > 0} discharge) in slot {@code i}. */
    public ScheduleFollower(long startEpochMs, long slotMs, double[] powerKw) {
        this(startEpochMs, slotMs, powerKw, false);
    }

    /** Delivers {@code energyKwh[i]} (net AC kWh, {@code > 0} discharge) in slot {@code i}. */
    public static ScheduleFollower energy(long startEpochMs, long slotMs, double[] energyKwh) {
        return new ScheduleFollower(startEpochMs, slotMs, energyKwh, true);
    }

    private ScheduleFollower(long startEpochMs, long slotMs, double[] values, boolean energy) {
        this.pacer = new EnergyPacer(startEpochMs, slotMs);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        (energy ? "energyKwh[" : "powerKw[") + i + "] must be finite, was " + values[i]);
            }
        }
        this.values = values.clone();
        this.energy = energy;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        long slot = pacer.slotOf(m.epochMs());
        if (slot < 0 || slot >= values.length) {
            return;
        }
        double v = values[(int) slot];
        window.prefer(energy ? pacer.powerKw(m.epochMs(), v) : v);
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        if (energy) {
            pacer.credit(batteryKw, m.epochMs(), m.stepS());
        }
    }
}
