package dev.chikuden.tariff;

import dev.chikuden.market.PriceSeries;
import dev.chikuden.time.OffsetCache;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The local calendar of a run of 30-minute slots: each slot's local day and hour, and each day's
 * season and kind under a tariff. A bill asks these of every slot; worked out here once a day
 * rather than as a date-time object a slot, they cost a few operations each.
 */
final class SlotCalendar {
    /**
     * The calendar each thread built last: a least-cost contract search bills the same slots a dozen
     * times over, with tariffs that differ only in their contract.
     */
    private static final ThreadLocal<SlotCalendar> LAST = new ThreadLocal<>();

    private final Key key;
    private final List<LocalDate> days = new ArrayList<>();
    private final int[] dayOf;
    private final byte[] hourOf;
    /** Each day's season and kind, worked out when first asked (a national holiday may be out of range). */
    private final byte[] kinds;

    private final Tariff tariff;
    private static final byte KNOWN = 1;
    private static final byte SUMMER = 2;
    private static final byte HOLIDAY = 4;

    /** What a calendar depends on: the slots, the zone and the tariff's seasons and holidays. */
    private record Key(
            long firstSlotEpochMs,
            int slots,
            ZoneId zone,
            Set<Integer> summerMonths,
            Set<DayOfWeek> restDays,
            Set<LocalDate> holidays,
            boolean nationalHolidays,
            Set<MonthDay> holidayDates) {}

    /** The calendar of {@code slots} slots from {@code firstSlotEpochMs} under {@code tariff}. */
    static SlotCalendar of(long firstSlotEpochMs, int slots, ZoneId zone, Tariff tariff) {
        Key key = new Key(
                firstSlotEpochMs,
                slots,
                zone,
                tariff.summerMonths(),
                tariff.restDays(),
                tariff.holidays(),
                tariff.nationalHolidays(),
                tariff.holidayDates());
        SlotCalendar last = LAST.get();
        if (last != null && last.key.equals(key)) {
            return last;
        }
        SlotCalendar c = new SlotCalendar(key, tariff);
        LAST.set(c);
        return c;
    }

    private SlotCalendar(Key key, Tariff tariff) {
        this.key = key;
        long firstSlotEpochMs = key.firstSlotEpochMs();
        int slots = key.slots();
        ZoneId zone = key.zone();
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
        kinds = new byte[days.size()];
        this.tariff = tariff;
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
        return (kind(dayOf[i]) & SUMMER) != 0;
    }

    boolean holiday(int i) {
        return (kind(dayOf[i]) & HOLIDAY) != 0;
    }

    private byte kind(int d) {
        if (kinds[d] == 0) {
            LocalDate day = days.get(d);
            kinds[d] = (byte)
                    (KNOWN | (tariff.summer(day.getMonthValue()) ? SUMMER : 0) | (tariff.holiday(day) ? HOLIDAY : 0));
        }
        return kinds[d];
    }

    int hour(int i) {
        return hourOf[i];
    }
}
