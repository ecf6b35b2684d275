package dev.chikuden.market;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Balancing-market prices of one product and area in consecutive 30-minute slots from the start
 * of {@code firstDay} (JST), in yen per ΔkW per 30 minutes as EPRX publishes them (円/kW・30分): what
 * one kW of upward reserve held through the slot earns. A 3-hour block's price stands in each of its
 * six slots. A slot without a price (a day or block missing from the file, or a cell EPRX leaves
 * empty or dashed) holds NaN. Immutable.
 *
 * @param product the product
 * @param area where the prices apply: {@code kansai} ... {@code kyushu}, {@code total}, or the column read
 * @param metric the row read, as the file writes it, e.g. 平均落札価格（TSO別）[円/kW・30分]
 * @param firstDay the day of slot 0
 * @param blocksPerDay per day from {@code firstDay}: 8 (3-hour blocks), 48 (30-minute blocks), or 0 where
 *     the file has no row of the day
 * @param yenPerKwPer30min per slot, {@code 48 x blocksPerDay.length} of them
 */
public record EprxPrices(
        EprxProduct product,
        String area,
        String metric,
        LocalDate firstDay,
        int[] blocksPerDay,
        double[] yenPerKwPer30min) {
    public static final int SLOTS_PER_DAY = 48;

    public EprxPrices {
        if (yenPerKwPer30min.length != SLOTS_PER_DAY * blocksPerDay.length) {
            throw new IllegalArgumentException(
                    yenPerKwPer30min.length + " slots for " + blocksPerDay.length + " days; expected 48 a day");
        }
        blocksPerDay = blocksPerDay.clone();
        yenPerKwPer30min = yenPerKwPer30min.clone();
    }

    /** A copy, as for the prices: the record stays immutable. */
    @Override
    public int[] blocksPerDay() {
        return blocksPerDay.clone();
    }

    /** A copy; {@link #get(int)} reads one slot without copying. */
    @Override
    public double[] yenPerKwPer30min() {
        return yenPerKwPer30min.clone();
    }

    /**
     * A price per ΔkW·h, the unit of METI's market reviews, from one per ΔkW per 30 minutes: a kW held
     * for an hour is held for two slots, so the price doubles. The one conversion between the two.
     */
    public static double yenPerKwH(double yenPerKwPer30min) {
        return 2 * yenPerKwPer30min;
    }

    /** The inverse of {@link #yenPerKwH}: back to EPRX's unit, for a trader's sheet. */
    public static double yenPerKwPer30min(double yenPerKwH) {
        return yenPerKwH / 2;
    }

    /** The price of the slot starting at {@code at} (JST), NaN where missing or outside the file. */
    public double at(LocalDateTime at) {
        long day = ChronoUnit.DAYS.between(firstDay, at.toLocalDate());
        if (day < 0 || day >= days()) {
            return Double.NaN;
        }
        return yenPerKwPer30min[(int) day * SLOTS_PER_DAY + at.getHour() * 2 + at.getMinute() / 30];
    }

    public int size() {
        return yenPerKwPer30min.length;
    }

    public int days() {
        return blocksPerDay.length;
    }

    /** The price of slot {@code i}, NaN where missing. */
    public double get(int i) {
        return yenPerKwPer30min[i];
    }

    /** Where slot {@code i} starts, JST (which has no daylight saving time). */
    public LocalDateTime slotStart(int i) {
        return firstDay.atStartOfDay().plusMinutes(30L * i);
    }

    /** Epoch milliseconds of slot 0's start, to align with a {@link PriceSeries}. */
    public long startEpochMs() {
        return firstDay.atStartOfDay(PriceSeries.JST).toInstant().toEpochMilli();
    }

    /** The blocks of {@code day}: 8, 48, or 0 when the file has no row of it or it lies outside. */
    public int blocksPerDayOn(LocalDate day) {
        long i = ChronoUnit.DAYS.between(firstDay, day);
        return i < 0 || i >= blocksPerDay.length ? 0 : blocksPerDay[(int) i];
    }

    /** Slots without a price. */
    public int missingSlots() {
        int n = 0;
        for (double p : yenPerKwPer30min) {
            if (Double.isNaN(p)) {
                n++;
            }
        }
        return n;
    }

    /** Days between the first and the last of the file without any row. */
    public int missingDays() {
        int n = 0;
        for (int b : blocksPerDay) {
            if (b == 0) {
                n++;
            }
        }
        return n;
    }
}
