package dev.chikuden.load;

import dev.chikuden.time.JapaneseHolidays;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * A factory's production calendar: the shifts of each day of the week, how Japan's national
 * holidays and the company's own holidays (お盆, 年末年始, GW) run, and the power each level draws.
 * A shift belongs to the day it starts on; one that runs past midnight ends the next morning, even
 * when that next day is closed (the night shift finishes its work).
 *
 * @param baseKw                outside every shift, and all day on a closed day
 * @param week                  the shifts of Monday to Sunday, in that order; an empty list for a closed day
 * @param nationalHolidayShifts the shifts of a national holiday (祝日); null: it is worked as its own weekday
 * @param companyHolidays       the days closed all day
 * @param monthFactors          12 factors, January first, on every level of the month (heating, cooling)
 */
public record ProductionSchedule(
        double baseKw,
        List<List<Shift>> week,
        List<Shift> nationalHolidayShifts,
        List<ClosedDays> companyHolidays,
        double[] monthFactors) {

    /** Minutes in a day. */
    public static final int DAY_MINUTES = 1440;

    /**
     * One shift's power, from a minute of its day to a later one; past {@link #DAY_MINUTES} it runs
     * into the next day (at most 24 hours in all).
     */
    public record Shift(int fromMinute, int toMinute, double kw) {
        public Shift {
            if (fromMinute < 0
                    || fromMinute >= DAY_MINUTES
                    || toMinute <= fromMinute
                    || toMinute - fromMinute > DAY_MINUTES) {
                throw new IllegalArgumentException("a shift from minute " + fromMinute + " to " + toMinute);
            }
        }

        /** The minutes it runs into the next day; 0 when it ends by midnight. */
        public int spillMinutes() {
            return Math.max(0, toMinute - DAY_MINUTES);
        }
    }

    /** Days the factory is closed, by name. */
    public sealed interface ClosedDays {
        String name();

        boolean contains(LocalDate date);
    }

    /** From one date to another, both included. */
    public record Dates(String name, LocalDate from, LocalDate to) implements ClosedDays {
        @Override
        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** The same days every year, both included; {@code to} before {@code from} runs over the new year. */
    public record EveryYear(String name, MonthDay from, MonthDay to) implements ClosedDays {
        @Override
        public boolean contains(LocalDate date) {
            MonthDay d = MonthDay.from(date);
            return from.isAfter(to) ? !d.isBefore(from) || !d.isAfter(to) : !d.isBefore(from) && !d.isAfter(to);
        }
    }

    public ProductionSchedule {
        if (week.size() != 7 || monthFactors.length != 12) {
            throw new IllegalArgumentException("need 7 days and 12 month factors");
        }
        week = List.copyOf(week.stream().map(List::copyOf).toList());
        nationalHolidayShifts = nationalHolidayShifts == null ? null : List.copyOf(nationalHolidayShifts);
        companyHolidays = List.copyOf(companyHolidays);
        monthFactors = monthFactors.clone();
    }

    /** The shifts that start on {@code date}: none on a company holiday. */
    public List<Shift> shiftsOn(LocalDate date) {
        for (ClosedDays c : companyHolidays) {
            if (c.contains(date)) {
                return List.of();
            }
        }
        if (nationalHolidayShifts != null && JapaneseHolidays.isHoliday(date)) {
            return nationalHolidayShifts;
        }
        return week.get(date.getDayOfWeek().getValue() - 1);
    }

    /** The factor on every level of {@code date}'s month. */
    public double monthFactor(LocalDate date) {
        return monthFactors[date.getMonthValue() - 1];
    }
}
