package dev.chikuden.trace;

/**
 * Reads the digit groups of a written date, time or date-time, whatever separates them: ISO-8601
 * ({@code 2025-07-27T00:22:27.858+09:00}), slash dates ({@code 2025/07/27 00:22:27.858}),
 * Excel-style ({@code 2025-07-27 0:22}, {@code 7/27/2025 0:22}), Japanese
 * ({@code 2025年7月27日 0時22分}), a date alone, a time alone ({@code 0:30}, {@code 24:00}) or a
 * half-hour band ({@code 0:00～0:30}, read as its start). One instance parses many cells without
 * allocating: the fields of the last cell parsed are read from it.
 */
final class TimeText {
    /** What a cell holds. */
    enum Shape {
        DATE_TIME,
        DATE,
        TIME,
        NONE
    }

    /** No offset written: local time. */
    static final int NO_OFFSET = Integer.MIN_VALUE;

    private static final int MAX_GROUPS = 8;

    private final long[] groups = new long[MAX_GROUPS];
    private final int[] digits = new int[MAX_GROUPS];
    /** The last character before each group that is not a digit or a space. */
    private final char[] before = new char[MAX_GROUPS];

    private int count;
    private boolean range;

    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int millis;
    int offsetMinutes;

    /**
     * Parses {@code text}; {@code dayFirst} decides a date written with its year last
     * ({@code 27/07/2025} when true, {@code 07/27/2025} when false).
     */
    Shape parse(String text, boolean dayFirst) {
        offsetMinutes = NO_OFFSET;
        year = month = day = hour = minute = second = millis = 0;
        int end = tokenize(text);
        if (count == 0) {
            return Shape.NONE;
        }
        boolean yearFirst = digits[0] == 4;
        boolean yearLast = count >= 3 && digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2;
        if (yearFirst || yearLast) {
            if (count < 3 || digits[1] > 2 || (yearFirst && digits[2] > 2) || !dateSeparator(1) || !dateSeparator(2)) {
                return Shape.NONE;
            }
            year = (int) (yearFirst ? groups[0] : groups[2]);
            int a = (int) (yearFirst ? groups[1] : groups[0]);
            int b = (int) (yearFirst ? groups[2] : groups[1]);
            month = yearFirst || !dayFirst ? a : b;
            day = yearFirst || !dayFirst ? b : a;
            if (count == 3) {
                return offset(text, end) ? Shape.DATE : Shape.NONE;
            }
            return time(3) && offset(text, end) ? Shape.DATE_TIME : Shape.NONE;
        }
        return time(0) && end == text.length() ? Shape.TIME : (range && time(0) ? Shape.TIME : Shape.NONE);
    }

    /** Whether the first group looked like a date with its year last, and could be day-first. */
    boolean yearLastWithFirstAbove12() {
        return count >= 3 && digits[2] == 4 && groups[0] > 12;
    }

    boolean yearLastWithSecondAbove12() {
        return count >= 3 && digits[2] == 4 && groups[1] > 12;
    }

    /** Hours, minutes, optional seconds and fraction from group {@code at}. */
    private boolean time(int at) {
        int n = count - at;
        if (n < 2 || n > 4 || digits[at] > 2 || digits[at + 1] != 2 || !timeSeparator(at + 1)) {
            return false;
        }
        hour = (int) groups[at];
        minute = (int) groups[at + 1];
        if (n >= 3) {
            if (digits[at + 2] != 2 || !timeSeparator(at + 2)) {
                return false;
            }
            second = (int) groups[at + 2];
        }
        if (n == 4) {
            int d = digits[at + 3];
            if (d > 9 || (before[at + 3] != '.' && before[at + 3] != ',')) {
                return false;
            }
            long f = groups[at + 3];
            millis = (int) (d <= 3 ? f * pow10(3 - d) : f / pow10(d - 3));
        }
        return true;
    }

    private boolean dateSeparator(int k) {
        char c = before[k];
        return c == '-' || c == '/' || c == '.' || c == '年' || c == '月';
    }

    private boolean timeSeparator(int k) {
        char c = before[k];
        return c == ':' || c == '時' || c == '分';
    }

    /**
     * Splits the digit groups up to an offset ({@code Z}, {@code +09:00}) or a band's second time;
     * returns where the groups end. Only one fraction is allowed, after the seconds.
     */
    private int tokenize(String text) {
        count = 0;
        range = false;
        char last = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == MAX_GROUPS) {
                    count = 0;
                    return i;
                }
                long v = 0;
                int d = 0;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && d < 18) {
                    v = v * 10 + (text.charAt(i++) - '0');
                    d++;
                }
                groups[count] = v;
                before[count] = last;
                digits[count++] = d;
                last = 0;
                continue;
            }
            boolean timeSoFar = count >= 5 || (count >= 2 && digits[0] <= 2 && timeSeparator(1));
            if (c == 'Z' || c == 'z' || ((c == '+' || c == '-') && count >= 5)) {
                return i;
            }
            if (c == '～' || c == '〜' || c == '~' || (c == '-' && timeSoFar)) {
                range = true;
                return i;
            }
            if (c != ' ' && c != 'T' && c != '日') {
                last = c;
            }
            i++;
        }
        return n;
    }

    /** Reads an offset from {@code end}; false when something else follows the groups. */
    private boolean offset(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        if (range) {
            return true;
        }
        String rest = text.substring(end).trim();
        if (rest.equals("Z") || rest.equals("z")) {
            offsetMinutes = 0;
            return true;
        }
        if (rest.length() >= 3 && (rest.charAt(0) == '+' || rest.charAt(0) == '-')) {
            String digitsOnly = rest.substring(1).replace(":", "");
            if (digitsOnly.length() != 2 && digitsOnly.length() != 4
                    || !digitsOnly.chars().allMatch(Character::isDigit)) {
                return false;
            }
            int h = Integer.parseInt(digitsOnly.substring(0, 2));
            int m = digitsOnly.length() == 4 ? Integer.parseInt(digitsOnly.substring(2)) : 0;
            // within ±18:00, the range java.time holds (an hour of 18 with minutes is past it)
            if (m > 59 || h * 60 + m > 18 * 60) {
                return false;
            }
            offsetMinutes = (rest.charAt(0) == '-' ? -1 : 1) * (h * 60 + m);
            return true;
        }
        return false;
    }

    private static long pow10(int e) {
        long p = 1;
        for (int k = 0; k < e; k++) {
            p *= 10;
        }
        return p;
    }
}
