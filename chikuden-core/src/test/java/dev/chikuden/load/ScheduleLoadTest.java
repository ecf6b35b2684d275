package dev.chikuden.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.load.ProductionSchedule.ClosedDays;
import dev.chikuden.load.ProductionSchedule.Shift;
import dev.chikuden.time.TimeGrid;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ScheduleLoadTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final long HALF_HOUR = 1_800_000;

    /** Weekdays 08:00-17:00 at 300 kW and 17:00-01:00 at 200 kW, Saturday 08:00-12:00 at 200 kW, base 50 kW. */
    static final List<Shift> WEEKDAY = List.of(new Shift(480, 1020, 300), new Shift(1020, 1500, 200));

    static final List<Shift> SATURDAY = List.of(new Shift(480, 720, 200));

    static ProductionSchedule factory(List<Shift> holidays, List<ClosedDays> closed, double[] months) {
        List<List<Shift>> week = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            week.add(WEEKDAY);
        }
        week.add(SATURDAY);
        week.add(List.of());
        return new ProductionSchedule(50, week, holidays, closed, months);
    }

    static ProductionSchedule factory() {
        return factory(List.of(), List.of(), ones());
    }

    static double[] ones() {
        double[] f = new double[12];
        Arrays.fill(f, 1);
        return f;
    }

    static double[] load(ProductionSchedule s, LocalDate from, int days, long stepMs, long rampMs) {
        long start = from.atStartOfDay(TOKYO).toInstant().toEpochMilli();
        int steps = (int) (days * 86_400_000L / stepMs);
        double[] out = new double[steps];
        new ScheduleLoad(new TimeGrid(start, stepMs, steps, TOKYO), s, rampMs, 0, 1).fill(0, out, steps);
        return out;
    }

    static double kwh(double[] kw, long stepMs, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += kw[i] * stepMs / 3_600_000.0;
        }
        return sum;
    }

    /**
     * A June week (no holidays) by hand. Monday: base 8 h x 50 + 9 h x 300 + 7 h x 200 = 4,500 kWh
     * (Sunday's night leaves nothing); Tuesday to Friday 4,650 (their first hour is the night
     * shift's 200, not 50); Saturday 200 + 7 x 50 + 4 x 200 + 12 x 50 = 1,950; Sunday 24 x 50 = 1,200.
     */
    @Test
    void aWeekOfShiftsByHand() {
        double[] kw = load(factory(), LocalDate.of(2025, 6, 2), 7, HALF_HOUR, 0);
        double[] days = {4500, 4650, 4650, 4650, 4650, 1950, 1200};
        for (int d = 0; d < 7; d++) {
            assertThat(kwh(kw, HALF_HOUR, 48 * d, 48 * (d + 1))).as("day " + d).isCloseTo(days[d], offset(1e-9));
        }
        assertThat(kwh(kw, HALF_HOUR, 0, kw.length)).isCloseTo(26_250, offset(1e-9));
        assertThat(kw[0]).isEqualTo(50); // Monday 00:00, after a closed Sunday
        assertThat(kw[48 + 1]).isEqualTo(200); // Tuesday 00:30, Monday's night shift
        assertThat(kw[48 + 2]).isEqualTo(50); // Tuesday 01:00
        assertThat(kw[16]).isEqualTo(300); // Monday 08:00
        assertThat(kw[34]).isEqualTo(200); // Monday 17:00
    }

    @Test
    void aShiftStartingInsideAStepCountsForThePartItCovers() {
        List<List<Shift>> week = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            week.add(List.of(new Shift(495, 1005, 300))); // 08:15-16:45
        }
        ProductionSchedule s = new ProductionSchedule(50, week, null, List.of(), ones());
        double[] kw = load(s, LocalDate.of(2025, 6, 2), 1, HALF_HOUR, 0);
        assertThat(kw[16]).isCloseTo((15 * 50 + 15 * 300) / 30.0, offset(1e-9));
        assertThat(kw[33]).isCloseTo((15 * 300 + 15 * 50) / 30.0, offset(1e-9));
    }

    /** A 30-minute ramp at 1-minute steps: minute k of the rise averages 50 + 250 (k + 1/2) / 30. */
    @Test
    void aRampRisesLinearlyAndKeepsTheWeeksEnergy() {
        long minute = 60_000;
        double[] kw = load(factory(), LocalDate.of(2025, 6, 2), 7, minute, 30 * minute);
        for (int k = 0; k < 30; k++) {
            assertThat(kw[480 + k]).isCloseTo(50 + 250 * (k + 0.5) / 30, offset(1e-9));
        }
        assertThat(kw[479]).isEqualTo(50);
        assertThat(kw[510]).isCloseTo(300, offset(1e-9));
        // the fall at 17:00 to 200 kW, and the night shift's end at 01:00 the next day
        assertThat(kw[1020 + 15]).isCloseTo(300 - 100 * 15.5 / 30, offset(1e-9));
        assertThat(kw[1440 + 60 + 29]).isCloseTo(200 - 150 * 29.5 / 30, offset(1e-9));
        // Sunday ends at the base, as the week before began: the ramp moves energy, it keeps it
        assertThat(kwh(kw, minute, 0, kw.length)).isCloseTo(26_250, offset(1e-6));
    }

    /** 敬老の日, Monday 15 September 2025: closed when holidays run as Sunday, a Monday when worked. */
    @Test
    void aNationalHolidayRunsAsTheChosenDay() {
        LocalDate monday = LocalDate.of(2025, 9, 15);
        double[] asSunday = load(factory(), monday, 2, HALF_HOUR, 0);
        assertThat(kwh(asSunday, HALF_HOUR, 0, 48)).isCloseTo(1200, offset(1e-9));
        assertThat(asSunday[48]).as("no night shift runs into Tuesday").isEqualTo(50);
        double[] worked = load(factory(null, List.of(), ones()), monday, 1, HALF_HOUR, 0);
        assertThat(kwh(worked, HALF_HOUR, 0, 48)).isCloseTo(4500, offset(1e-9));
        // 成人の日 2026 is the second Monday of January, the 12th
        assertThat(kwh(load(factory(), LocalDate.of(2026, 1, 12), 1, HALF_HOUR, 0), HALF_HOUR, 0, 48))
                .isCloseTo(1200, offset(1e-9));
    }

    /**
     * 年末年始 every year over the new year, and a dated closed Saturday: closed days run at the base
     * but for the night shift of the day before, which ends its morning.
     */
    @Test
    void companyHolidaysAreClosedButTheNightBeforeEnds() {
        List<ClosedDays> closed = List.of(
                new ProductionSchedule.EveryYear("年末年始", MonthDay.of(12, 29), MonthDay.of(1, 4)),
                new ProductionSchedule.Dates("stocktaking", LocalDate.of(2025, 6, 7), LocalDate.of(2025, 6, 7)));
        ProductionSchedule s = factory(List.of(), closed, ones());
        // Friday 26 December to Monday 5 January 2026: Fri works, Sat half, Sun closed, 29th-4th closed
        double[] kw = load(s, LocalDate.of(2025, 12, 26), 11, HALF_HOUR, 0);
        double[] days = {4650, 1950, 1200, 1200, 1200, 1200, 1200, 1200, 1200, 1200, 4500};
        for (int d = 0; d < days.length; d++) {
            assertThat(kwh(kw, HALF_HOUR, 48 * d, 48 * (d + 1))).as("day " + d).isCloseTo(days[d], offset(1e-9));
        }
        double[] saturday = load(s, LocalDate.of(2025, 6, 7), 1, HALF_HOUR, 0);
        assertThat(saturday[1]).as("Friday's night shift").isEqualTo(200);
        assertThat(kwh(saturday, HALF_HOUR, 0, 48)).isCloseTo(200 + 23 * 50, offset(1e-9));
    }

    /** A month's factor applies to every level of the month, by the clock: a night shift crossing into August. */
    @Test
    void monthFactorsScaleEveryLevelOfTheirMonth() {
        double[] months = ones();
        months[6] = 1.1; // July
        months[7] = 1.2; // August
        double[] kw = load(factory(List.of(), List.of(), months), LocalDate.of(2025, 7, 31), 2, HALF_HOUR, 0);
        assertThat(kw[0]).isCloseTo(1.1 * 200, offset(1e-9)); // Wednesday's night shift, in July
        assertThat(kw[16]).isCloseTo(1.1 * 300, offset(1e-9));
        assertThat(kw[48]).isCloseTo(1.2 * 200, offset(1e-9)); // Thursday's night shift, in August
        assertThat(kw[48 + 2]).isCloseTo(1.2 * 50, offset(1e-9));
    }

    /**
     * Whatever the shifts, the ramp and the step, a step is the mean of the finer steps inside it:
     * 30-minute steps against 1-minute steps over a random week (energy kept at every step).
     */
    @Property(tries = 200)
    void aStepIsTheMeanOfTheFinerStepsInIt(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<Shift>> week = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            List<Shift> day = new ArrayList<>();
            int at = r.nextInt(0, 600);
            while (at < 1380 && r.nextInt(3) > 0) {
                int to = Math.min(at + r.nextInt(1, 600), 1440 + 180);
                day.add(new Shift(at, to, r.nextDouble(0, 500)));
                at = to + r.nextInt(0, 120);
            }
            week.add(day);
        }
        // a night shift ends before the next day's first shift starts, as the reader makes sure
        for (int d = 0; d < 7; d++) {
            List<Shift> day = week.get(d);
            List<Shift> next = week.get((d + 1) % 7);
            int firstNext = next.isEmpty() ? 1440 : next.get(0).fromMinute();
            if (!day.isEmpty() && day.get(day.size() - 1).spillMinutes() > firstNext) {
                Shift last = day.remove(day.size() - 1);
                day.add(new Shift(last.fromMinute(), Math.max(last.fromMinute() + 1, 1440), last.kw()));
            }
        }
        double[] months = new double[12];
        for (int m = 0; m < 12; m++) {
            months[m] = r.nextDouble(0.5, 1.5);
        }
        ProductionSchedule s = new ProductionSchedule(r.nextDouble(0, 100), week, null, List.of(), months);
        long ramp = r.nextInt(3) == 0 ? 0 : r.nextInt(1, 240) * 60_000L;
        LocalDate from = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(365));
        double[] coarse = load(s, from, 7, HALF_HOUR, ramp);
        double[] fine = load(s, from, 7, 60_000, ramp);
        for (int i = 0; i < coarse.length; i++) {
            double mean = kwh(fine, 60_000, 30 * i, 30 * (i + 1)) * 2;
            assertThat(coarse[i]).as("step " + i).isCloseTo(mean, offset(1e-9 * (1 + Math.abs(mean))));
        }
    }

    @Test
    void theNoiseIsSeededAndIndependentOfChunking() {
        long start = ZonedDateTime.of(2025, 6, 2, 0, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        TimeGrid grid = new TimeGrid(start, 60_000, 10_000, TOKYO);
        double[] whole = new double[10_000];
        new ScheduleLoad(grid, factory(), 0, 0.02, 7).fill(0, whole, 10_000);
        ScheduleLoad chunked = new ScheduleLoad(grid, factory(), 0, 0.02, 7);
        double[] part = new double[333];
        for (int first = 0; first < 10_000; first += 333) {
            int n = Math.min(333, 10_000 - first);
            chunked.fill(first, part, n);
            for (int i = 0; i < n; i++) {
                assertThat(part[i]).isEqualTo(whole[first + i]);
            }
        }
        double[] pure = new double[10_000];
        new ScheduleLoad(grid, factory(), 0, 0, 7).fill(0, pure, 10_000);
        double relative = 0;
        for (int i = 0; i < pure.length; i++) {
            relative += Math.pow(whole[i] / pure[i] - 1, 2);
        }
        assertThat(Math.sqrt(relative / pure.length)).isBetween(0.01, 0.03);
    }
}
