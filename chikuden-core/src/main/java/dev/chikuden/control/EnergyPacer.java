package dev.chikuden.control;

/**
 * Paces a battery through per-slot energy targets on a fixed grid of slots ({@code start + i x slotMs}):
 * it counts the net energy actually delivered in the current slot and answers the power that
 * delivers the rest of the slot's target evenly over the time left, so a step that a higher layer or
 * the battery's limits cut is made up later in the same slot. Shared by the energy schedule and the
 * rolling MPC, which follow energies for the same reason. No allocation per step.
 */
public final class EnergyPacer {
    private final long startEpochMs;
    private final long slotMs;
    /** The slot {@link #deliveredKwh} belongs to. */
    private long trackedSlot = Long.MIN_VALUE;

    private double deliveredKwh;

    public EnergyPacer(long startEpochMs, long slotMs) {
        if (slotMs <= 0) {
            throw new IllegalArgumentException("slotMs must be > 0, was " + slotMs);
        }
        this.startEpochMs = startEpochMs;
        this.slotMs = slotMs;
    }

    /** The slot holding {@code epochMs} (negative before the start). */
    public long slotOf(long epochMs) {
        return Math.floorDiv(epochMs - startEpochMs, slotMs);
    }

    /** The net power ({@code > 0} discharge) that delivers the rest of {@code slotTargetKwh} by the slot's end. */
    public double powerKw(long epochMs, double slotTargetKwh) {
        long slot = slotOf(epochMs);
        double doneKwh = slot == trackedSlot ? deliveredKwh : 0;
        double hoursLeft = (slotEnd(slot) - epochMs) / 3_600_000.0;
        return (slotTargetKwh - doneKwh) / hoursLeft;
    }

    /** Credits a step's energy to the slots it covers (a step may straddle a slot boundary). */
    public void credit(double batteryKw, long epochMs, double stepS) {
        long t = epochMs;
        long end = t + Math.round(stepS * 1000);
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

    private long slotEnd(long slot) {
        return startEpochMs + (slot + 1) * slotMs;
    }
}
