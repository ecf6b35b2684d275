package dev.chikuden.ems.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /api/telemetry}: {@code from} and {@code to} as ISO-8601 instants
 * ({@code 2026-07-01T09:00:00Z}) or epoch milliseconds, {@code maxPoints} rows at most. Defaults:
 * the last 15 minutes, 2000 points.
 */
record TelemetryQuery(long fromEpochMs, long toEpochMs, int maxPoints) {
    static final long DEFAULT_SPAN_MS = 15 * 60_000L;
    static final int DEFAULT_POINTS = 2000;
    static final int MAX_POINTS = 100_000;

    static TelemetryQuery parse(String from, String to, String maxPoints, long nowEpochMs) {
        long toMs = blank(to) ? nowEpochMs : instant("to", to);
        long fromMs = blank(from) ? toMs - DEFAULT_SPAN_MS : instant("from", from);
        if (fromMs > toMs) {
            throw ApiError.badRequest(
                    "from",
                    "from (" + Instant.ofEpochMilli(fromMs) + ") is after to (" + Instant.ofEpochMilli(toMs) + ")");
        }
        int points = DEFAULT_POINTS;
        if (!blank(maxPoints)) {
            try {
                points = Integer.parseInt(maxPoints.strip());
            } catch (NumberFormatException e) {
                points = -1;
            }
            if (points < 1 || points > MAX_POINTS) {
                throw ApiError.badRequest(
                        "maxPoints",
                        "maxPoints must be a whole number from 1 to " + MAX_POINTS + ", was \"" + maxPoints + "\"");
            }
        }
        return new TelemetryQuery(fromMs, toMs, points);
    }

    private static long instant(String field, String text) {
        String t = text.strip();
        if (!t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9') && t.length() <= 15) {
            return Long.parseLong(t);
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiError.badRequest(
                    field,
                    field + " must be an ISO-8601 instant such as 2026-07-01T09:00:00Z or "
                            + "epoch milliseconds, was \"" + text + "\"");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
