package dev.chikuden.market;

import java.util.Arrays;

/**
 * Figures of a price series, over the slots that have a price.
 *
 * @param slots                     slots with a price
 * @param missingSlots              slots inside the series without one (missing days)
 * @param firstSlotEpochMs          start of the first slot
 * @param lastSlotEpochMs           start of the last slot
 * @param meanDailySpreadYenPerKwh  mean over JST days of (highest - lowest price of the day)
 */
public record PriceSummary(
        String area,
        int slots,
        int missingSlots,
        long firstSlotEpochMs,
        long lastSlotEpochMs,
        double meanYenPerKwh,
        double medianYenPerKwh,
        double minYenPerKwh,
        double maxYenPerKwh,
        double meanDailySpreadYenPerKwh) {

    public static PriceSummary of(PriceSeries s) {
        double[] priced =
                Arrays.stream(s.yenPerKwh()).filter(p -> !Double.isNaN(p)).toArray();
        Arrays.sort(priced);
        int n = priced.length;
        double sum = 0;
        for (double p : priced) {
            sum += p;
        }
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? priced[n / 2] : (priced[n / 2 - 1] + priced[n / 2]) / 2;
        return new PriceSummary(
                s.area(),
                n,
                s.size() - n,
                s.startEpochMs(),
                s.epochMsAt(s.size() - 1),
                n == 0 ? Double.NaN : sum / n,
                median,
                n == 0 ? Double.NaN : priced[0],
                n == 0 ? Double.NaN : priced[n - 1],
                meanDailySpread(s));
    }

    private static double meanDailySpread(PriceSeries s) {
        long offsetMs =
                PriceSeries.JST.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() * 1000L;
        long day = Long.MIN_VALUE;
        double lo = Double.NaN;
        double hi = Double.NaN;
        double spreads = 0;
        int days = 0;
        for (int i = 0; i < s.size(); i++) {
            double p = s.get(i);
            if (Double.isNaN(p)) {
                continue;
            }
            long d = Math.floorDiv(s.epochMsAt(i) + offsetMs, 86_400_000L);
            if (d != day) {
                if (day != Long.MIN_VALUE) {
                    spreads += hi - lo;
                    days++;
                }
                day = d;
                lo = p;
                hi = p;
            } else {
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
        }
        if (day != Long.MIN_VALUE) {
            spreads += hi - lo;
            days++;
        }
        return days == 0 ? Double.NaN : spreads / days;
    }
}
