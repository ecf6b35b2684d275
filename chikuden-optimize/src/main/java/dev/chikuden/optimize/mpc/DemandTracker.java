package dev.chikuden.optimize.mpc;

import dev.chikuden.optimize.DispatchProblem;

/**
 * The demand each billing month of the truth has reached: the largest mean import of its completed
 * demand slots, from what the controller sees each step (net load less battery power). Slots are
 * counted from the truth's start, as the LP counts them; the study step divides the LP period, so
 * steps never straddle a slot. O(1) per step, no allocation.
 */
final class DemandTracker {
    private final long startEpochMs;
    private final long periodMs;
    private final long slotMs;
    private final int[] monthOfPeriod;
    private final double[] monthPeakKw;
    private double slotKwh;

    /** @param truth a problem with a demand charge */
    DemandTracker(DispatchProblem truth) {
        this.startEpochMs = truth.startEpochMs();
        this.periodMs = truth.periodMs();
        this.slotMs = truth.demand().periodsPerSlot() * periodMs;
        this.monthOfPeriod = truth.demand().monthOfPeriod();
        this.monthPeakKw = new double[truth.demand().months()];
    }

    /** A step of {@code gridKw} (negative: export, which does not count) from {@code epochMs}. */
    void add(long epochMs, long stepMs, double gridKw) {
        slotKwh += Math.max(0, gridKw) * stepMs / 3_600_000.0;
        long end = epochMs + stepMs;
        if (Math.floorMod(end - startEpochMs, slotMs) == 0) {
            long period = (end - slotMs - startEpochMs) / periodMs;
            if (period >= 0 && period < monthOfPeriod.length) {
                int m = monthOfPeriod[(int) period];
                monthPeakKw[m] = Math.max(monthPeakKw[m], slotKwh * 3_600_000.0 / slotMs);
            }
            slotKwh = 0;
        }
    }

    /** The demand reached in each month so far; a live view, not a copy. */
    double[] monthPeakKw() {
        return monthPeakKw;
    }
}
