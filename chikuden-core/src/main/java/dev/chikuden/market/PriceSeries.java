package dev.chikuden.market;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Prices of consecutive 30-minute slots, yen/kWh: slot {@code i} starts at
 * {@code startEpochMs + i * 30 min}. A slot without a price (a day missing from the file) holds
 * NaN. Immutable.
 *
 * @param area where the prices apply, e.g. {@code kansai}
 */
public record PriceSeries(String area, long startEpochMs, double[] yenPerKwh) {
    public static final long SLOT_MS = 30 * 60 * 1000L;
    /** JEPX trades in Japan Standard Time, which has no daylight saving time. */
    public static final ZoneId JST = ZoneOffset.ofHours(9);

    public PriceSeries {
        yenPerKwh = yenPerKwh.clone();
    }

    public int size() {
        return yenPerKwh.length;
    }

    public double get(int i) {
        return yenPerKwh[i];
    }

    public long epochMsAt(int i) {
        return startEpochMs + i * SLOT_MS;
    }

    /** The price of the slot that holds {@code epochMs}, NaN outside the series or where missing. */
    public double priceAt(long epochMs) {
        long i = Math.floorDiv(epochMs - startEpochMs, SLOT_MS);
        return i < 0 || i >= yenPerKwh.length ? Double.NaN : yenPerKwh[(int) i];
    }

    /** Mean price of the slots starting in {@code [fromMs, toMs)}; NaN when none has a price. */
    public double meanBetween(long fromMs, long toMs) {
        int from = (int) Math.max(0, Math.floorDiv(fromMs - startEpochMs + SLOT_MS - 1, SLOT_MS));
        int to = (int)
                Math.min(yenPerKwh.length, Math.max(0, Math.floorDiv(toMs - startEpochMs + SLOT_MS - 1, SLOT_MS)));
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(yenPerKwh[i])) {
                sum += yenPerKwh[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Slots without a price inside the series. */
    public int missingSlots() {
        int n = 0;
        for (double p : yenPerKwh) {
            if (Double.isNaN(p)) {
                n++;
            }
        }
        return n;
    }
}
