package dev.chikuden.load.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.time.JapaneseHolidays;
import dev.chikuden.time.TimeGrid;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdLoadTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final HouseholdShape SHAPE = HouseholdShape.named("japan-region-6-4-person");

    /** One local calendar year (or {@code days} days from its start) at {@code stepS}. */
    static TimeGrid year(int year, long stepS, long days) {
        long start = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        return new TimeGrid(start, stepS * 1000, days * 86_400 / stepS, TOKYO);
    }

    static TimeGrid year(int year, long stepS) {
        return year(year, stepS, LocalDate.of(year, 1, 1).lengthOfYear());
    }

    static double[] values(HouseholdLoad load, TimeGrid grid) {
        double[] out = new double[(int) grid.steps()];
        load.fill(0, out, out.length);
        return out;
    }

    static double energyKwh(double[] kw, TimeGrid grid, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += kw[i];
        }
        return sum * grid.stepSeconds() / 3600;
    }

    /** Any step that divides the year, a leap year or not, with every part: the year draws `annual` exactly. */
    @ParameterizedTest
    @CsvSource({"2025, 3600", "2024, 3600", "2025, 60", "2024, 480", "2026, 10"})
    void eachCalendarYearDrawsExactlyTheAnnualEnergy(int year, long stepS) {
        TimeGrid grid = year(year, stepS);
        var ev = new HouseholdLoad.EvCharging(7.5, 3, LocalTime.of(22, 30));
        assertAnnual(grid, new HouseholdLoad(grid, SHAPE, 4500, null, null), 4500);
        assertAnnual(grid, new HouseholdLoad(grid, SHAPE, 7000, new HouseholdLoad.EcoCute(null), ev), 7000);
        assertAnnual(grid, new HouseholdLoad(grid, SHAPE, 6000, new HouseholdLoad.EcoCute(1500.0), null), 6000);
    }

    private static void assertAnnual(TimeGrid grid, HouseholdLoad load, double annualKwh) {
        double[] kw = values(load, grid);
        assertThat(energyKwh(kw, grid, 0, kw.length)).isCloseTo(annualKwh, offset(1e-9 * annualKwh));
    }

    /**
     * Each month's energy is the table's: the scale times the month's days of each type times their
     * row (an independent sum over the calendar), and its share of the year is within 1 % of the
     * source's: the source's calendar, like 2017, starts on a Sunday and differs only in a few holidays
     * (2017 has 山の日 in August, the source does not).
     */
    @Test
    void theMonthlyEnergyFollowsTheSourceTable() {
        TimeGrid grid = year(2017, 3600);
        double[] kw = values(new HouseholdLoad(grid, SHAPE, 4500, null, null), grid);
        double[] daily = new double[13];
        double yearSum = 0;
        for (LocalDate d = LocalDate.of(2017, 1, 1); d.getYear() == 2017; d = d.plusDays(1)) {
            boolean holiday = d.getDayOfWeek() == DayOfWeek.SATURDAY
                    || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || JapaneseHolidays.isHoliday(d);
            double day = 0;
            for (int h = 0; h < 24; h++) {
                day += SHAPE.base().kwh(d.getMonthValue(), holiday, h);
            }
            daily[d.getMonthValue()] += day;
            yearSum += day;
        }
        double sourceYear = 0;
        for (double v : SHAPE.base().sourceMonthlyKwh()) {
            sourceYear += v;
        }
        int hour = 0;
        for (int m = 1; m <= 12; m++) {
            int hours = LocalDate.of(2017, m, 1).lengthOfMonth() * 24;
            double got = energyKwh(kw, grid, hour, hour + hours);
            hour += hours;
            assertThat(got).as("month %d", m).isCloseTo(4500 * daily[m] / yearSum, offset(1e-6));
            double sourceShare = SHAPE.base().sourceMonthlyKwh()[m - 1] / sourceYear;
            assertThat(got / 4500)
                    .as("month %d against the source", m)
                    .isCloseTo(sourceShare, offset(0.01 * sourceShare));
        }
    }

    /** The shipped table holds together: each month's rows times its days give the source's month. */
    @Test
    void theTableGivesTheSourcesMonthlyEnergy() {
        for (HouseholdShape.Part part : new HouseholdShape.Part[] {SHAPE.base(), SHAPE.ecoCute()}) {
            for (int m = 1; m <= 12; m++) {
                double month = SHAPE.sourceWeekdays()[m - 1] * part.dailyKwh(m, false)
                        + SHAPE.sourceHolidays()[m - 1] * part.dailyKwh(m, true);
                assertThat(month).as("month %d", m).isCloseTo(part.sourceMonthlyKwh()[m - 1], offset(0.4));
            }
            assertThat(SHAPE.sourceWeekdays()[0] + SHAPE.sourceHolidays()[0]).isEqualTo(31);
        }
        int days = 0;
        for (int m = 0; m < 12; m++) {
            days += SHAPE.sourceWeekdays()[m] + SHAPE.sourceHolidays()[m];
        }
        assertThat(days).isEqualTo(365);
    }

    /** A national holiday on a Monday draws the holiday row, the Tuesday after it the weekday row. */
    @Test
    void aNationalHolidayIsAHoliday() {
        // 2025-11-03 (Monday, 文化の日) and 2025-11-04 (Tuesday)
        long start =
                ZonedDateTime.of(2025, 11, 3, 0, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        TimeGrid grid = new TimeGrid(start, 3_600_000, 48, TOKYO);
        double[] kw = values(new HouseholdLoad(grid, SHAPE, 4500, null, null), grid);
        double scale = kw[12] / SHAPE.base().kwh(11, true, 12);
        for (int h = 0; h < 24; h++) {
            assertThat(kw[h]).isCloseTo(scale * SHAPE.base().kwh(11, true, h), offset(1e-9));
            assertThat(kw[24 + h]).isCloseTo(scale * SHAPE.base().kwh(11, false, h), offset(1e-9));
        }
        assertThat(SHAPE.base().dailyKwh(11, true)).isNotEqualTo(SHAPE.base().dailyKwh(11, false));
    }

    /** The water heater given its energy: the difference it makes is its own shape, at its energy. */
    @Test
    void theWaterHeaterDrawsItsGivenEnergyInItsNightHours() {
        TimeGrid grid = year(2025, 3600);
        double[] with = values(new HouseholdLoad(grid, SHAPE, 6000, new HouseholdLoad.EcoCute(1800.0), null), grid);
        double[] without = values(new HouseholdLoad(grid, SHAPE, 4200, null, null), grid);
        double total = 0;
        double night = 0;
        for (int i = 0; i < with.length; i++) {
            double heater = with[i] - without[i];
            assertThat(heater).isGreaterThanOrEqualTo(-1e-9);
            total += heater;
            int hour = i % 24;
            night += hour < 7 || hour >= 22 ? heater : 0;
        }
        assertThat(total).isCloseTo(1800, offset(1e-6));
        assertThat(night / total).isGreaterThan(0.9); // boiling finishes at 07:00
    }

    /** The car: its power from the start until the day's energy is in, past midnight, every day. */
    @Test
    void theCarChargesFromItsStartPastMidnight() {
        TimeGrid grid = year(2025, 60, 3); // 1 to 3 January, minute steps
        var ev = new HouseholdLoad.EvCharging(8, 3, LocalTime.of(23, 0)); // 23:00-01:40
        double[] with = values(new HouseholdLoad(grid, SHAPE, 4500 + 8 * 365, null, ev), grid);
        double[] without = values(new HouseholdLoad(grid, SHAPE, 4500, null, null), grid);
        for (int i = 0; i < with.length; i++) {
            int minute = i % 1440;
            boolean charging = minute >= 23 * 60 || minute < 100;
            assertThat(with[i] - without[i]).as("minute %d", i).isCloseTo(charging ? 3 : 0, offset(1e-9));
        }
    }

    /** Same steps, same values, however the engine cuts them into chunks. */
    @Test
    void theValuesDoNotDependOnTheChunks() {
        TimeGrid grid = year(2025, 420, 20);
        var load = new HouseholdLoad(grid, SHAPE, 5000, new HouseholdLoad.EcoCute(null), null);
        double[] whole = values(load, grid);
        double[] part = new double[97];
        var other = new HouseholdLoad(grid, SHAPE, 5000, new HouseholdLoad.EcoCute(null), null);
        for (int first = 0; first < whole.length; first += 97) {
            int n = Math.min(97, whole.length - first);
            other.fill(first, part, n);
            for (int i = 0; i < n; i++) {
                assertThat(part[i]).isEqualTo(whole[first + i]);
            }
        }
    }
}
