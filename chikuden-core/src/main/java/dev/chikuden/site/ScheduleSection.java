package dev.chikuden.site;

import dev.chikuden.config.ConfigNode;
import dev.chikuden.load.ProductionSchedule;
import dev.chikuden.load.ProductionSchedule.Shift;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a load of {@code type: production-schedule}: the shifts of each day of the week (a day named on its
 * own overrides {@code weekdays}; a day not given is closed), national holidays run as a chosen
 * day, company holidays closed, the base outside the shifts.
 */
final class ScheduleSection {
    private static final List<String> DAYS =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** One day's shifts as read, in order of their start, with where each was written. */
    private record Day(String label, List<Shift> shifts, List<ConfigNode> places) {
        int firstStart() {
            return shifts.isEmpty()
                    ? ProductionSchedule.DAY_MINUTES
                    : shifts.get(0).fromMinute();
        }

        /** The last shift, the only one that may run past midnight. */
        Shift last() {
            return shifts.isEmpty() ? null : shifts.get(shifts.size() - 1);
        }

        ConfigNode lastPlace() {
            return places.get(places.size() - 1);
        }
    }

    private ScheduleSection() {}

    /** The load, or null after a problem. */
    static ScheduleLoadSpec read(SiteFile.ScheduleLoad s, ConfigNode at, String name) {
        ConfigNode shiftsAt = at.get("shifts");
        List<Day> week = new ArrayList<>();
        Map<String, Day> read = new LinkedHashMap<>(); // weekdays once for the five days it gives
        for (int d = 0; d < 7; d++) {
            List<SiteFile.Shift> own = ofDay(s.shifts(), d);
            String key = own == null && d < 5 ? "weekdays" : DAYS.get(d);
            List<SiteFile.Shift> given = own != null ? own : d < 5 ? s.shifts().weekdays() : null;
            week.add(read.computeIfAbsent(key, k -> day(k, given == null ? List.of() : given, shiftsAt.get(k))));
        }
        Day holiday = holiday(s.nationalHolidays(), week);
        following(week, holiday);
        List<ProductionSchedule.ClosedDays> closed = new ArrayList<>();
        for (int i = 0; i < s.companyHolidays().size(); i++) {
            closed.add(companyHoliday(
                    s.companyHolidays().get(i), at.get("companyHolidays").get(i)));
        }
        double[] monthly = s.monthly();
        if (monthly == null) {
            monthly = new double[12];
            Arrays.fill(monthly, 1);
        }
        if (!at.clean()) {
            return null;
        }
        ProductionSchedule schedule = new ProductionSchedule(
                s.base(),
                week.stream().map(Day::shifts).toList(),
                holiday == null ? null : holiday.shifts(),
                closed,
                monthly);
        return new ScheduleLoadSpec(name, schedule, Math.round(s.ramp() * 1000), s.noise(), s.seed());
    }

    /** The shifts given for day {@code d} (Monday 0) by its own name; null when not given. */
    private static List<SiteFile.Shift> ofDay(SiteFile.Week w, int d) {
        return switch (d) {
            case 0 -> w.monday();
            case 1 -> w.tuesday();
            case 2 -> w.wednesday();
            case 3 -> w.thursday();
            case 4 -> w.friday();
            case 5 -> w.saturday();
            default -> w.sunday();
        };
    }

    /** A day's shifts in order of their start; they must not overlap. */
    private static Day day(String label, List<SiteFile.Shift> given, ConfigNode at) {
        List<Shift> shifts = new ArrayList<>();
        List<ConfigNode> places = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Shift s = shift(given.get(i), at.get(i));
            if (s != null) {
                shifts.add(s);
                places.add(at.get(i));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shifts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> shifts.get(i).fromMinute()));
        List<Shift> sorted = order.stream().map(shifts::get).toList();
        List<ConfigNode> sortedPlaces = order.stream().map(places::get).toList();
        for (int k = 1; k < sorted.size(); k++) {
            Shift before = sorted.get(k - 1);
            Shift next = sorted.get(k);
            if (next.fromMinute() < before.toMinute()) {
                places.get(order.get(k))
                        .problem("the shift " + describe(next) + " starts before the shift " + describe(before) + " of "
                                + label + " ends; a day's shifts must not overlap (give each hour one shift)");
            }
        }
        return new Day(label, sorted, sortedPlaces);
    }

    /** HH:MM to HH:MM; a {@code to} not after {@code from} is the next day's. */
    private static Shift shift(SiteFile.Shift s, ConfigNode at) {
        int from = minutes(s.from());
        int to = minutes(s.to());
        if (to == from) {
            at.get("to")
                    .problem("\"" + s.to() + "\" is the shift's start: a shift of no length (for round the clock give "
                            + "from 00:00 to 24:00)");
            return null;
        }
        return new Shift(from, to < from ? to + ProductionSchedule.DAY_MINUTES : to, s.power());
    }

    /** Minutes of the day of an HH:MM the schema has matched (24:00 only as an end). */
    private static int minutes(String hhmm) {
        String[] parts = hhmm.trim().split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    /** The shifts of a national holiday: null when worked as its own weekday. */
    private static Day holiday(String rule, List<Day> week) {
        return switch (rule) {
            case "worked" -> null;
            case "closed" -> new Day("a national holiday", List.of(), List.of());
            default -> {
                Day as = week.get(DAYS.indexOf(rule));
                yield new Day("a national holiday (as " + rule + ")", as.shifts(), as.places());
            }
        };
    }

    /**
     * A shift past midnight must end before the first shift of any day that can follow: the next
     * weekday, and a national holiday after any day or before any. Each problem is reported once.
     */
    private static void following(List<Day> week, Day holiday) {
        Map<String, Problem> problems = new LinkedHashMap<>(); // by the place of the shift
        for (int d = 0; d < 7; d++) {
            spillInto(week.get(d), week.get((d + 1) % 7), problems);
            if (holiday != null) {
                spillInto(week.get(d), holiday, problems);
                spillInto(holiday, week.get(d), problems);
            }
        }
        if (holiday != null) {
            spillInto(holiday, holiday, problems);
        }
        problems.values().forEach(p -> p.place().problem(p.message()));
    }

    /** The first day a night shift runs into, of however many it does. */
    private record Problem(ConfigNode place, String message) {}

    private static void spillInto(Day day, Day next, Map<String, Problem> problems) {
        Shift last = day.last();
        if (last == null || last.spillMinutes() <= next.firstStart()) {
            return;
        }
        ConfigNode place = day.lastPlace();
        problems.putIfAbsent(
                place.path(),
                new Problem(
                        place,
                        "the shift " + describe(last) + " runs into the next day past " + clock(next.firstStart())
                                + ", when the first shift of " + next.label()
                                + " starts; end it by then (a shift belongs to the day it starts on)"));
    }

    private static ProductionSchedule.ClosedDays companyHoliday(SiteFile.CompanyHoliday h, ConfigNode at) {
        String toText = h.to() != null ? h.to() : h.from();
        ConfigNode toAt = h.to() != null ? at.get("to") : at.get("from");
        boolean everyYear = h.from().length() == 5;
        if (everyYear != (toText.length() == 5)) {
            toAt.problem("\"" + toText + "\" and from \"" + h.from() + "\" must both be MM-DD (every year) "
                    + "or both YYYY-MM-DD");
            return null;
        }
        String name = h.name() != null ? h.name() : h.from() + " to " + toText;
        try {
            if (everyYear) {
                return new ProductionSchedule.EveryYear(
                        name, MonthDay.parse("--" + h.from()), MonthDay.parse("--" + toText));
            }
            LocalDate from = LocalDate.parse(h.from());
            LocalDate to = LocalDate.parse(toText);
            if (to.isBefore(from)) {
                toAt.problem("\"" + toText + "\" is before from \"" + h.from() + "\"; dates with a year run forward "
                        + "(MM-DD dates may run over the new year, e.g. 12-29 to 01-04)");
                return null;
            }
            return new ProductionSchedule.Dates(name, from, to);
        } catch (DateTimeException e) {
            at.problem("\"" + h.from() + "\" to \"" + toText + "\" is not a date range of the calendar ("
                    + e.getMessage().toLowerCase(Locale.ROOT) + ")");
            return null;
        }
    }

    private static String describe(Shift s) {
        return clock(s.fromMinute()) + "-" + clock(s.toMinute());
    }

    /** HH:MM of a minute of the day or of the next (24:00 for the midnight that ends a day). */
    private static String clock(int minute) {
        int m = minute > ProductionSchedule.DAY_MINUTES ? minute - ProductionSchedule.DAY_MINUTES : minute;
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }
}
