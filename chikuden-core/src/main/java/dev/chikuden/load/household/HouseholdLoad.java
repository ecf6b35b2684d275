package dev.chikuden.load.household;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.JapaneseHolidays;
import dev.chikuden.time.OffsetCache;
import dev.chikuden.time.TimeGrid;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;

/**
 * A household's power from a {@link HouseholdShape}: the base household, an optional heat-pump water
 * heater and an optional electric car charged at home, summed. Each calendar year (local time) draws
 * exactly {@code annualKwh}: the water heater and the car take their own energy and the base is
 * scaled to the rest. A holiday is a Saturday, a Sunday or a national holiday, as in the source.
 * The base and the water heater hold their hourly value through each local hour; every step gets
 * the mean power over it, so the energy is exact for any step (in zones without daylight saving).
 * Deterministic: no noise.
 */
public final class HouseholdLoad implements Profile {
    private static final long HOUR_MS = 3_600_000;
    private static final long DAY_MS = 86_400_000;

    /**
     * A heat-pump water heater (エコキュート) following the shape's {@code ecoCute} part.
     *
     * @param annualKwh its energy in a calendar year; null: the shape's own for that calendar
     */
    public record EcoCute(Double annualKwh) {}

    /** An electric car charged every day at {@code powerKw} from {@code start} until {@code dailyKwh} is in. */
    public record EvCharging(double dailyKwh, double powerKw, LocalTime start) {
        public EvCharging {
            if (!(dailyKwh > 0) || !(powerKw > 0) || dailyKwh > powerKw * 24 + 1e-9) {
                throw new IllegalArgumentException("EV charging needs 0 < daily energy <= 24 h at the charger's power: "
                        + dailyKwh + " kWh, " + powerKw + " kW");
            }
        }

        long durationMs() {
            return Math.round(dailyKwh / powerKw * HOUR_MS);
        }
    }

    private final TimeGrid grid;
    private final HouseholdShape shape;
    private final double annualKwh;
    private final EcoCute ecoCute;
    private final EvCharging ev;
    private final OffsetCache offsets;
    private final Map<Integer, double[]> scalesByYear = new HashMap<>();

    private long cachedDay = Long.MIN_VALUE;
    private int cachedMonth;
    private boolean cachedHoliday;
    private double[] cachedScales;

    /**
     * @param ecoCute null: no water heater in the load
     * @param ev      null: no car
     * @throws IllegalArgumentException when the water heater and the car alone need {@code annualKwh}
     *     or more in a year of the grid
     */
    public HouseholdLoad(TimeGrid grid, HouseholdShape shape, double annualKwh, EcoCute ecoCute, EvCharging ev) {
        this.grid = grid;
        this.shape = shape;
        this.annualKwh = annualKwh;
        this.ecoCute = ecoCute;
        this.ev = ev;
        this.offsets = new OffsetCache(grid.zone());
    }

    /** The water heater's energy in calendar year {@code year} when it follows the shape as it is. */
    public static double ecoCuteKwhOfYear(HouseholdShape shape, int year) {
        double sum = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            sum += shape.ecoCute().dailyKwh(d.getMonthValue(), isHoliday(d));
        }
        return sum;
    }

    /** A Saturday, a Sunday or a national holiday (the source's 休日). */
    public static boolean isHoliday(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY || JapaneseHolidays.isHoliday(d);
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        long stepMs = grid.stepMs();
        for (int i = 0; i < count; i++) {
            long t0 = grid.epochMsAt(firstStep + i);
            out[i] = energyKwh(t0, t0 + stepMs) * HOUR_MS / stepMs;
        }
    }

    /** The energy drawn in {@code [fromMs, toMs)}, piece by piece of local hours. */
    private double energyKwh(long fromMs, long toMs) {
        double kwh = 0;
        for (long c = fromMs; c < toMs; ) {
            long local = offsets.localMs(c);
            long hourStart = Math.floorDiv(local, HOUR_MS) * HOUR_MS;
            long e = Math.min(toMs, c + hourStart + HOUR_MS - local);
            kwh += hourlyKw(hourStart) * (e - c) / HOUR_MS;
            if (ev != null) {
                kwh += ev.powerKw() * chargingMs(local, local + e - c) / HOUR_MS;
            }
            c = e;
        }
        return kwh;
    }

    /** Base and water heater in the local hour starting at {@code localHourMs} (local clock as epoch ms). */
    private double hourlyKw(long localHourMs) {
        long day = Math.floorDiv(localHourMs, DAY_MS);
        if (day != cachedDay) {
            LocalDate d = LocalDate.ofEpochDay(day);
            cachedDay = day;
            cachedMonth = d.getMonthValue();
            cachedHoliday = isHoliday(d);
            cachedScales = scalesByYear.computeIfAbsent(d.getYear(), this::scales);
        }
        int hour = (int) ((localHourMs - day * DAY_MS) / HOUR_MS);
        double kw = cachedScales[0] * shape.base().kwh(cachedMonth, cachedHoliday, hour);
        if (ecoCute != null) {
            kw += cachedScales[1] * shape.ecoCute().kwh(cachedMonth, cachedHoliday, hour);
        }
        return kw;
    }

    /** How long the car charges within local {@code [fromMs, toMs)}: one window a day, it may pass midnight. */
    private long chargingMs(long fromMs, long toMs) {
        long start = ev.start().toSecondOfDay() * 1000L;
        long length = ev.durationMs();
        long total = 0;
        for (long day = Math.floorDiv(fromMs, DAY_MS) - 1; day <= Math.floorDiv(toMs, DAY_MS); day++) {
            long a = day * DAY_MS + start;
            total += Math.max(0, Math.min(toMs, a + length) - Math.max(fromMs, a));
        }
        return total;
    }

    /** The factors on the base and the water heater that make {@code year}'s energy {@code annualKwh}. */
    private double[] scales(int year) {
        double baseKwh = 0;
        double ecoKwh = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean holiday = isHoliday(d);
            baseKwh += shape.base().dailyKwh(d.getMonthValue(), holiday);
            ecoKwh += shape.ecoCute().dailyKwh(d.getMonthValue(), holiday);
        }
        double ecoScale = ecoCute == null ? 0 : ecoCute.annualKwh() == null ? 1 : ecoCute.annualKwh() / ecoKwh;
        double evKwh = ev == null ? 0 : ev.dailyKwh() * Year.of(year).length();
        double rest = annualKwh - ecoScale * ecoKwh - evKwh;
        if (!(rest > 0)) {
            throw new IllegalArgumentException("in " + year + " the water heater (" + Math.round(ecoScale * ecoKwh)
                    + " kWh) and the car (" + Math.round(evKwh) + " kWh) need all of the household's "
                    + Math.round(annualKwh) + " kWh");
        }
        return new double[] {rest / baseKwh, ecoScale};
    }
}
