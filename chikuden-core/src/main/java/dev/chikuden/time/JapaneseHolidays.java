package dev.chikuden.time;

import dev.chikuden.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Japan's national holidays, computed by the Act on National Holidays (国民の祝日に関する法律) for
 * {@value #FIRST_YEAR}-{@value #LAST_YEAR}: the holidays and their years in force, the Olympic moves
 * and the single-day holidays are data ({@code japanese-holidays.txt}); the substitute holiday
 * (振替休日) and the sandwiched day (国民の休日) are the Act's article 3.
 *
 * <p>The equinox days use the usual approximation, {@code floor(c + 0.242194 (y - 1980) -
 * floor((y - 1980) / 4))} with c = 20.8431 (spring) and 23.2488 (autumn) for 1980-2099, 20.8357 and
 * 23.2588 before 1980; it matches the Cabinet Office list 1955-2027. The equinox days are fixed
 * officially each February for the next year, so later years are a forecast, as is any future change
 * of the law. The table is built once; every query is an array look-up.
 */
public final class JapaneseHolidays {
    /** The Cabinet Office list starts in 1955. */
    public static final int FIRST_YEAR = 1955;

    /** The last year of the equinox formula's 1980-2099 constants. */
    public static final int LAST_YEAR = 2099;

    /** A holiday and its Japanese name. */
    public record Holiday(LocalDate date, String name) {}

    static final String SUBSTITUTE = "振替休日";
    static final String SANDWICHED = "国民の休日";

    /** Article 3(2) in force from 12 April 1973; the 2007 amendment moves it past a run of holidays. */
    private static final LocalDate SUBSTITUTE_FROM = LocalDate.of(1973, 4, 12);

    private static final LocalDate SUBSTITUTE_RUN_FROM = LocalDate.of(2007, 1, 1);

    /** Article 3(3) in force from 27 December 1985. */
    private static final LocalDate SANDWICHED_FROM = LocalDate.of(1985, 12, 27);

    private static final LocalDate START = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate END = LocalDate.of(LAST_YEAR + 1, 1, 1);

    /** Per day from START: 0 for a working day, else 1 + the index of its name in NAMES. */
    private static final byte[] DAYS = new byte[(int) (END.toEpochDay() - START.toEpochDay())];

    private static final List<String> NAMES = new ArrayList<>(List.of(SUBSTITUTE, SANDWICHED));

    static {
        for (String[] rule : rules()) {
            place(rule);
        }
        addSubstitutesAndSandwiched();
    }

    private JapaneseHolidays() {}

    public static boolean isHoliday(LocalDate date) {
        return DAYS[index(date)] != 0;
    }

    /** The holiday's Japanese name, e.g. 元日, 振替休日, 国民の休日; empty on a working day. */
    public static Optional<String> name(LocalDate date) {
        int code = DAYS[index(date)];
        return code == 0 ? Optional.empty() : Optional.of(NAMES.get(code - 1));
    }

    /** The holidays from {@code from} up to but excluding {@code toExclusive}, in date order. */
    public static List<Holiday> between(LocalDate from, LocalDate toExclusive) {
        if (!toExclusive.isAfter(from)) {
            return List.of();
        }
        int first = index(from);
        int end = index(toExclusive.minusDays(1)) + 1;
        List<Holiday> out = new ArrayList<>();
        for (int i = first; i < end; i++) {
            if (DAYS[i] != 0) {
                out.add(new Holiday(START.plusDays(i), NAMES.get(DAYS[i] - 1)));
            }
        }
        return List.copyOf(out);
    }

    private static int index(LocalDate date) {
        if (date.isBefore(START) || !date.isBefore(END)) {
            throw new BadInputException("national holidays are computed for " + FIRST_YEAR + "-" + LAST_YEAR
                    + " (the Cabinet Office list starts in " + FIRST_YEAR + ", the equinox formula ends in "
                    + LAST_YEAR + "); " + date + " is outside");
        }
        return (int) (date.toEpochDay() - START.toEpochDay());
    }

    /** The equinox day of March (spring) or September, by the approximation in the class comment. */
    static int equinoxDay(int year, boolean spring) {
        double c = year < 1980 ? (spring ? 20.8357 : 23.2588) : (spring ? 20.8431 : 23.2488);
        return (int) Math.floor(c + 0.242194 * (year - 1980) - Math.floorDiv(year - 1980, 4));
    }

    private static void place(String[] rule) {
        String name = rule[0];
        String day = rule[1];
        if (day.length() == 10) {
            mark(LocalDate.parse(day), name);
            return;
        }
        int from = Math.max(Integer.parseInt(rule[2]), FIRST_YEAR);
        int to = rule.length > 3 ? Math.min(Integer.parseInt(rule[3]), LAST_YEAR) : LAST_YEAR;
        for (int y = from; y <= to; y++) {
            mark(date(y, day), name);
        }
    }

    private static LocalDate date(int year, String day) {
        if (day.equals("spring")) {
            return LocalDate.of(year, 3, equinoxDay(year, true));
        }
        if (day.equals("autumn")) {
            return LocalDate.of(year, 9, equinoxDay(year, false));
        }
        if (day.contains("Mon")) {
            int nth = day.charAt(day.length() - 1) - '0';
            return LocalDate.of(year, Integer.parseInt(day.substring(0, 2)), 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.MONDAY));
        }
        return MonthDay.parse("--" + day).atYear(year);
    }

    private static void mark(LocalDate date, String name) {
        int i = (int) (date.toEpochDay() - START.toEpochDay());
        if (i < 0 || i >= DAYS.length) {
            return;
        }
        if (DAYS[i] != 0) {
            throw new IllegalStateException("japanese-holidays.txt gives two holidays on " + date);
        }
        if (!NAMES.contains(name)) {
            NAMES.add(name);
        }
        DAYS[i] = (byte) (NAMES.indexOf(name) + 1);
    }

    /** Article 3(2) and 3(3), over the national holidays placed so far. */
    private static void addSubstitutesAndSandwiched() {
        boolean[] national = new boolean[DAYS.length];
        for (int i = 0; i < DAYS.length; i++) {
            national[i] = DAYS[i] != 0;
        }
        for (int i = 0; i < DAYS.length; i++) {
            LocalDate d = START.plusDays(i);
            if (national[i] && d.getDayOfWeek() == DayOfWeek.SUNDAY && !d.isBefore(SUBSTITUTE_FROM)) {
                // before 2007 the next day; since, the first day after that is not a national holiday
                int j = i + 1;
                while (!d.isBefore(SUBSTITUTE_RUN_FROM) && j < DAYS.length && national[j]) {
                    j++;
                }
                if (j < DAYS.length && !national[j]) {
                    DAYS[j] = (byte) (NAMES.indexOf(SUBSTITUTE) + 1);
                }
            }
        }
        // a day (not a Sunday, not already a holiday) between two national holidays; since 2007 the
        // Act no longer excludes Sunday, but no Sunday can fall between two national holidays then
        for (int i = 1; i + 1 < DAYS.length; i++) {
            LocalDate d = START.plusDays(i);
            if (DAYS[i] == 0
                    && national[i - 1]
                    && national[i + 1]
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !d.isBefore(SANDWICHED_FROM)) {
                DAYS[i] = (byte) (NAMES.indexOf(SANDWICHED) + 1);
            }
        }
    }

    /** The lines of japanese-holidays.txt, split on blanks, comments dropped. */
    private static List<String[]> rules() {
        var in = JapaneseHolidays.class.getResourceAsStream("japanese-holidays.txt");
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines()
                    .map(l -> l.replaceFirst("#.*", "").strip())
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
