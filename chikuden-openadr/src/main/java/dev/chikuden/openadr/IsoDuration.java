package dev.chikuden.openadr;

import dev.chikuden.BadInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenADR's durations: ISO 8601 with years, months, weeks and days (which {@link Duration#parse}
 * does not take), measured from a start on the UTC calendar, so "P1M" from 31 January is 28 or 29
 * days. "P9999Y" is the specification's infinity and comes out as 9999 calendar years.
 */
final class IsoDuration {
    /** The specification's own pattern (schema {@code duration}), without the minus it allows for randomizeStart. */
    private static final Pattern ISO = Pattern.compile(
            "P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");

    private IsoDuration() {}

    /** The end of a span that begins at {@code start} and lasts {@code iso}. */
    static Instant end(Instant start, String iso) {
        Matcher m = ISO.matcher(iso == null ? "" : iso.trim());
        if (!m.matches()) {
            throw new BadInputException(
                    "duration '" + iso + "' is not an ISO 8601 duration without sign (e.g. PT1H, P1D, P9999Y, PT0.5S)");
        }
        ZonedDateTime t =
                start.atZone(ZoneOffset.UTC).plusYears(number(m.group(1))).plusMonths(number(m.group(2)));
        long days = number(m.group(3));
        t = "W".equals(m.group(4)) ? t.plusWeeks(days) : t.plusDays(days);
        t = t.plusHours(number(m.group(5))).plusMinutes(number(m.group(6)));
        if (m.group(7) != null) {
            BigDecimal seconds = new BigDecimal(m.group(7));
            t = t.plusNanos(seconds.movePointRight(9).longValueExact());
        }
        return t.toInstant();
    }

    /** The length of a span that begins at {@code start} and lasts {@code iso}. */
    static Duration between(Instant start, String iso) {
        return Duration.between(start, end(start, iso));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
