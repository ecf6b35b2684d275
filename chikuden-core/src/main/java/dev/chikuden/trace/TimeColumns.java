package dev.chikuden.trace;

import dev.chikuden.BadInputException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Where a file keeps its time and how it writes it, decided from the first data row (and the
 * header above it), then applied to every row: one date-time column; a date column and a time
 * column (日付, 時刻; a half-hour band such as {@code 0:00～0:30} is its start); a date and a
 * slot number (コマ 1-48); a date and one column per interval (one row per day); year, month, day,
 * hour and minute columns (NSRDB); epoch seconds or milliseconds; or seconds from the start.
 */
final class TimeColumns {
    enum Layout {
        DATE_TIME,
        DATE_AND_TIME,
        DATE_AND_SLOT,
        DAY_ROW,
        FIELDS,
        EPOCH_SECONDS,
        EPOCH_MILLIS,
        SECONDS
    }

    /** Names of columns that hold a time, never a value (compared in lower case). */
    private static final List<String> TIME_NAMES = List.of(
            "timestamp",
            "time",
            "datetime",
            "date_time",
            "date",
            "epoch",
            "unix",
            "ts",
            "time_s",
            "seconds",
            "t",
            "日時",
            "日付",
            "時刻",
            "年月日",
            "年月日時",
            "時間",
            "計測日時",
            "時間帯",
            "ご使用日",
            "使用日",
            "コマ",
            "時限");

    private static final List<String> SLOT_NAMES = List.of("コマ", "時限", "slot", "period", "koma");

    /** A time column named by an option that is not in a row's header. */
    static final int NOWHERE = -2;

    /** A slot column or a day row with this many slots per day at most. */
    private static final int MAX_SLOTS = 96;

    final Layout layout;
    /** The (first) time column; for {@link Layout#FIELDS} the year column. */
    final int column;
    /** The second column (time or slot), or the first interval column of a day row; -1 if none. */
    final int second;
    /** Interval columns of a day row; for {@link Layout#FIELDS} the month, day, hour, minute columns. */
    final int[] more;
    /** Slots per day for slot numbers and day rows. */
    int slotsPerDay;
    /** Dates written with the year last: day first (27/07/2025) or month first (07/27/2025). */
    boolean dayFirst;

    private final TimeText text = new TimeText();
    private final ZoneId zone;
    private final Path file;
    /** Whether a time of 24:00 was read (the file labels interval ends). */
    boolean sawHour24;

    private TimeColumns(Layout layout, int column, int second, int[] more, ZoneId zone, Path file) {
        this.layout = layout;
        this.column = column;
        this.second = second;
        this.more = more;
        this.zone = zone;
        this.file = file;
    }

    private static boolean isTimeName(String name) {
        return TIME_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The time columns of a data row, or null when the row holds no time it can read; {@code only}
     * is the column the time must start in, or -1 for the first that holds one.
     */
    static TimeColumns detect(String[] cells, String[] names, ZoneId zone, Path file, int only) {
        if (only == NOWHERE) {
            return null;
        }
        TimeText t = new TimeText();
        int[] fields = fieldColumns(names);
        if (only < 0 && fields != null && isInteger(cell(cells, fields[0]))) {
            return new TimeColumns(
                    Layout.FIELDS, fields[0], -1, new int[] {fields[1], fields[2], fields[3], fields[4]}, zone, file);
        }
        for (int c = Math.max(0, only); c < (only < 0 ? cells.length : Math.min(cells.length, only + 1)); c++) {
            String v = cells[c];
            TimeText.Shape shape = t.parse(v, false);
            if (shape == TimeText.Shape.DATE_TIME || compact(v)) {
                return new TimeColumns(Layout.DATE_TIME, c, -1, null, zone, file);
            }
            if (shape == TimeText.Shape.DATE) {
                String next = cell(cells, c + 1);
                if (t.parse(next, false) == TimeText.Shape.TIME) {
                    return new TimeColumns(Layout.DATE_AND_TIME, c, c + 1, null, zone, file);
                }
                if (isInteger(next) && names != null && c + 1 < names.length && isSlotName(names[c + 1])) {
                    return new TimeColumns(Layout.DATE_AND_SLOT, c, c + 1, null, zone, file);
                }
                int numbers = 0;
                while (c + 1 + numbers < cells.length && isNumberOrBlank(cells[c + 1 + numbers])) {
                    numbers++;
                }
                if (numbers >= 24) {
                    TimeColumns day = new TimeColumns(Layout.DAY_ROW, c, c + 1, null, zone, file);
                    day.slotsPerDay = numbers;
                    return day;
                }
                return new TimeColumns(Layout.DATE_TIME, c, -1, null, zone, file);
            }
            // Numbers.parse, not Double.parseDouble: a number cell may carry a unit ("202 s")
            if (names != null && c < names.length && isTimeName(names[c]) && isNumber(v)) {
                double x = Numbers.parse(v);
                Layout l = x >= 1e11 ? Layout.EPOCH_MILLIS : x >= 1e8 ? Layout.EPOCH_SECONDS : Layout.SECONDS;
                return new TimeColumns(l, c, -1, null, zone, file);
            }
            if ((names == null || only >= 0) && (c == 0 || c == only) && isNumber(v) && Numbers.parse(v) >= 1e8) {
                double x = Numbers.parse(v);
                return new TimeColumns(x >= 1e11 ? Layout.EPOCH_MILLIS : Layout.EPOCH_SECONDS, c, -1, null, zone, file);
            }
        }
        return null;
    }

    /** Whether column {@code c} is one this reads time from. */
    boolean isTimeColumn(int c) {
        if (c == column || (c == second && layout != Layout.DAY_ROW)) {
            return true;
        }
        if (layout == Layout.FIELDS) {
            for (int m : more) {
                if (m == c) {
                    return true;
                }
            }
        }
        return layout == Layout.DAY_ROW && c >= second && c < second + slotsPerDay;
    }

    /** How the time is written, for the decision line. */
    String describe(String[] names) {
        String where = switch (layout) {
            case DATE_AND_TIME, DATE_AND_SLOT -> quote(names, column) + " + " + quote(names, second);
            case DAY_ROW -> quote(names, column) + " + " + slotsPerDay + " interval columns";
            case FIELDS -> "year, month, day, hour, minute columns";
            default -> quote(names, column);
        };
        String how = switch (layout) {
            case DATE_AND_SLOT -> "slots 1-" + slotsPerDay + " of " + 1440 / slotsPerDay + " min";
            case DAY_ROW -> "one row per day";
            case EPOCH_SECONDS -> "epoch seconds";
            case EPOCH_MILLIS -> "epoch milliseconds";
            case SECONDS -> "seconds from the start, no date";
            default -> "local " + zone + " unless an offset is written" + (dayFirst ? ", day first" : "");
        };
        return where + " (" + how + ")";
    }

    private static String quote(String[] names, int c) {
        return names != null && c < names.length && !names[c].isEmpty() ? "\"" + names[c] + "\"" : "column " + (c + 1);
    }

    /**
     * The instant of a row's time in epoch ms; {@code slot} picks the interval of a day row.
     *
     * @throws BadInputException naming line, column and text when the time cannot be read
     */
    long epochMs(String[] cells, String[] names, long line, int slot) {
        switch (layout) {
            case EPOCH_SECONDS, EPOCH_MILLIS, SECONDS -> {
                String v = cell(cells, column);
                if (!isNumber(v)) {
                    throw bad(line, names, column, v, "a number of " + (layout == Layout.EPOCH_MILLIS ? "ms" : "s"));
                }
                double x = Numbers.parse(v);
                double ms = layout == Layout.EPOCH_MILLIS ? x : x * 1000;
                if (!(Math.abs(ms) < 1e16)) {
                    throw bad(line, names, column, v, "a time within the years 1900-2200");
                }
                return Math.round(ms);
            }
            case FIELDS -> {
                int[] f = new int[5];
                int[] cols = {column, more[0], more[1], more[2], more[3]};
                for (int k = 0; k < 5; k++) {
                    String v = cell(cells, cols[k]);
                    if (!isInteger(v) || v.length() > 4) {
                        throw bad(line, names, cols[k], v, "a whole number");
                    }
                    f[k] = Integer.parseInt(v);
                }
                return local(line, names, column, cell(cells, column), f[0], f[1], f[2], f[3], f[4], 0, 0);
            }
            case DATE_AND_TIME -> {
                String d = cell(cells, column);
                String h = cell(cells, second);
                if (text.parse(d, dayFirst) != TimeText.Shape.DATE) {
                    throw bad(line, names, column, d, "a date such as 2025/07/27");
                }
                int y = text.year;
                int mo = text.month;
                int da = text.day;
                if (text.parse(h, dayFirst) != TimeText.Shape.TIME) {
                    throw bad(line, names, second, h, "a time such as 0:30 or 00:30:00");
                }
                return local(line, names, second, h, y, mo, da, text.hour, text.minute, text.second, text.millis);
            }
            case DATE_AND_SLOT -> {
                long day = dayStart(cells, names, line);
                String s = cell(cells, second);
                if (!isInteger(s) || s.length() > 3 || Integer.parseInt(s) < 1 || Integer.parseInt(s) > slotsPerDay) {
                    throw bad(line, names, second, s, "a slot number from 1 to " + slotsPerDay);
                }
                return day + (Integer.parseInt(s) - 1) * (86_400_000L / slotsPerDay);
            }
            case DAY_ROW -> {
                return dayStart(cells, names, line) + slot * (86_400_000L / slotsPerDay);
            }
            default -> {
                String v = cell(cells, column);
                if (compact(v)) {
                    return local(
                            line,
                            names,
                            column,
                            v,
                            Integer.parseInt(v.substring(0, 4)),
                            Integer.parseInt(v.substring(4, 6)),
                            Integer.parseInt(v.substring(6, 8)),
                            Integer.parseInt(v.substring(9, 11)),
                            Integer.parseInt(v.substring(11, 13)),
                            0,
                            0);
                }
                TimeText.Shape shape = text.parse(v, dayFirst);
                if (shape != TimeText.Shape.DATE_TIME && shape != TimeText.Shape.DATE) {
                    throw bad(
                            line,
                            names,
                            column,
                            v,
                            "a date and time such as 2025-07-27T00:22:27+09:00 (offsets within ±18:00), "
                                    + "2025/07/27 00:22:27.858 or 2025-07-27 0:22");
                }
                // a written offset, not the zone, says which instant this is
                ZoneId at = text.offsetMinutes == TimeText.NO_OFFSET
                        ? zone
                        : java.time.ZoneOffset.ofTotalSeconds(text.offsetMinutes * 60);
                return local(
                        line,
                        names,
                        column,
                        v,
                        text.year,
                        text.month,
                        text.day,
                        text.hour,
                        text.minute,
                        text.second,
                        text.millis,
                        at);
            }
        }
    }

    /** Local midnight of a row's date, in epoch ms. */
    private long dayStart(String[] cells, String[] names, long line) {
        String d = cell(cells, column);
        if (text.parse(d, dayFirst) != TimeText.Shape.DATE) {
            throw bad(line, names, column, d, "a date such as 2025/07/27");
        }
        return local(line, names, column, d, text.year, text.month, text.day, 0, 0, 0, 0);
    }

    private long local(long line, String[] names, int c, String v, int y, int mo, int d, int h, int mi, int s, int ms) {
        return local(line, names, c, v, y, mo, d, h, mi, s, ms, zone);
    }

    private long local(
            long line, String[] names, int c, String v, int y, int mo, int d, int h, int mi, int s, int ms, ZoneId z) {
        if (y < 1900 || y > 2200) {
            throw bad(line, names, c, v, "a date in the years 1900-2200");
        }
        boolean endOfDay = h == 24 && mi == 0 && s == 0 && ms == 0;
        try {
            LocalDate date = LocalDate.of(y, mo, d);
            LocalDateTime t = endOfDay
                    ? date.plusDays(1).atStartOfDay()
                    : LocalDateTime.of(date, java.time.LocalTime.of(h, mi, s, ms * 1_000_000));
            sawHour24 |= endOfDay;
            return t.atZone(z).toInstant().toEpochMilli();
        } catch (java.time.DateTimeException e) {
            throw bad(line, names, c, v, "a valid date and time (" + e.getMessage() + ")");
        }
    }

    private BadInputException bad(long line, String[] names, int c, String v, String expected) {
        return new BadInputException(
                file + ":" + line + ": " + quote(names, c) + " value \"" + v + "\" is not " + expected);
    }

    /** PVGIS writes {@code 20160101:0010} (yyyyMMdd:HHmm). */
    private static boolean compact(String v) {
        return v.length() == 13 && v.charAt(8) == ':' && isInteger(v.substring(0, 8)) && isInteger(v.substring(9));
    }

    private static int[] fieldColumns(String[] names) {
        if (names == null) {
            return null;
        }
        int[] at = {-1, -1, -1, -1, -1};
        String[] wanted = {"year", "month", "day", "hour", "minute"};
        for (int c = 0; c < names.length; c++) {
            for (int k = 0; k < 5; k++) {
                String name = names[c].toLowerCase(Locale.ROOT);
                if ((name.equals(wanted[k]) || name.endsWith(" " + wanted[k])) && at[k] < 0) {
                    at[k] = c;
                }
            }
        }
        for (int a : at) {
            if (a < 0) {
                return null;
            }
        }
        return at;
    }

    private static boolean isSlotName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SLOT_NAMES.stream().anyMatch(n::contains);
    }

    static String cell(String[] cells, int i) {
        return i >= 0 && i < cells.length ? cells[i] : "";
    }

    static boolean isInteger(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isNumber(String v) {
        return Numbers.parse(v) != null;
    }

    private static boolean isNumberOrBlank(String v) {
        return v.isEmpty() || Numbers.isMissing(v) || isNumber(v);
    }

    /** For a day-row file, the number of slots decides the interval. */
    void checkSlots(long line) {
        if (slotsPerDay > MAX_SLOTS || 1440 % slotsPerDay != 0) {
            throw new BadInputException(file + ":" + line + ": a day row with " + slotsPerDay + " interval columns; "
                    + "expected 24, 48 or 96 (60-, 30- or 15-minute intervals)");
        }
    }
}
