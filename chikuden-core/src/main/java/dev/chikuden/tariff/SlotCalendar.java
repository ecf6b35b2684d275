package dev.chikuden.tariff;

import dev.chikuden.market.PriceSeries;
import dev.chikuden.time.OffsetCache;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The local calendar of a run of 30-minute slots: each slot's local day and hour, and each day's
 * season and kind under a tariff. A bill asks these of every slot; worked out here once a day
 * rather than as a date-time object a slot, they cost a few operations each.
 */
final class SlotCalendar {
    private final List<LocalDate> days = new ArrayList<>();
    private final int[] dayOf;
    private final byte[] hourOf;
    private final boolean[] summer;
    private final boolean[] holiday;

    SlotCalendar(long firstSlotEpochMs, int slots, ZoneId zone, Tariff tariff) {
        OffsetCache offsets = new OffsetCache(zone);
        dayOf = new int[slots];
        hourOf = new byte[slots];
        long lastDay = Long.MIN_VALUE;
        for (int i = 0; i < slots; i++) {
            long ms = firstSlotEpochMs + i * PriceSeries.SLOT_MS;
            // as TariffRates.local: whole seconds of the local clock (offsets are whole seconds)
            long local = Math.floorDiv(offsets.localMs(ms), 1000);
            long day = Math.floorDiv(local, 86_400);
            if (day != lastDay) {
                days.add(LocalDate.ofEpochDay(day));
                lastDay = day;
            }
            dayOf[i] = days.size() - 1;
            hourOf[i] = (byte) (Math.floorMod(local, 86_400) / 3600);
        }
        summer = new boolean[days.size()];
        holiday = new boolean[days.size()];
        for (int d = 0; d < days.size(); d++) {
            summer[d] = tariff.summer(days.get(d).getMonthValue());
            holiday[d] = tariff.holiday(days.get(d));
        }
    }

    /** The usage month of slot {@code i}. */
    YearMonth month(int i) {
        return YearMonth.from(days.get(dayOf[i]));
    }

    /** Whether slots {@code i} and {@code j} fall in the same local calendar month. */
    boolean sameMonth(int i, int j) {
        LocalDate a = days.get(dayOf[i]);
        LocalDate b = days.get(dayOf[j]);
        return a.getMonthValue() == b.getMonthValue() && a.getYear() == b.getYear();
    }

    boolean summer(int i) {
        return summer[dayOf[i]];
    }

    boolean holiday(int i) {
        return holiday[dayOf[i]];
    }

    int hour(int i) {
        return hourOf[i];
    }
}
