package dev.chikuden.time;

import java.time.ZoneId;

/**
 * The 30-minute demand series of a grid power series, aligned to the local clock of a zone: the tests'
 * reference for what the meters and the engine measure incrementally.
 */
public final class HalfHourDemand {
    private HalfHourDemand() {}

    /**
     * Mean imported power of each half-hour slot that the series touches. Slots only partly
     * covered by the series (at its ends) are averaged over the covered time.
     */
    public static FixedStepSeries of(FixedStepSeries gridKw, ZoneId zone) {
        int n = gridKw.size();
        if (n == 0) {
            return new FixedStepSeries(gridKw.startEpochMs(), HalfHourDemandMeter.SLOT_MS, new double[0]);
        }
        long span = gridKw.epochMsAt(n - 1) + gridKw.stepMs() - gridKw.startEpochMs();
        double[] slots = new double[(int) (span / HalfHourDemandMeter.SLOT_MS) + 2];
        long[] firstSlot = {Long.MIN_VALUE};
        int[] count = {0};
        HalfHourDemandMeter meter = new HalfHourDemandMeter(zone, (start, kw, covered) -> {
            if (firstSlot[0] == Long.MIN_VALUE) {
                firstSlot[0] = start;
            }
            slots[count[0]++] = kw;
        });
        for (int i = 0; i < n; i++) {
            meter.add(gridKw.epochMsAt(i), gridKw.stepMs(), gridKw.get(i));
        }
        meter.finish();
        return new FixedStepSeries(firstSlot[0], HalfHourDemandMeter.SLOT_MS, java.util.Arrays.copyOf(slots, count[0]));
    }
}
