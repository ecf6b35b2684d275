package dev.chikuden.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of a study: step {@code i} starts at {@code startEpochMs + i * stepMs} (UTC) and lasts
 * {@code stepMs}. The zone gives local time for tariff periods, half-hour slots and reports.
 */
public record TimeGrid(long startEpochMs, long stepMs, long steps, ZoneId zone) {

    public TimeGrid {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive, was " + stepMs + " ms");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, was " + steps);
        }
    }

    public static TimeGrid of(Instant start, long stepMs, long steps, ZoneId zone) {
        return new TimeGrid(start.toEpochMilli(), stepMs, steps, zone);
    }

    public double stepSeconds() {
        return stepMs / 1000.0;
    }

    public long epochMsAt(long step) {
        return startEpochMs + step * stepMs;
    }

    public long endEpochMs() {
        return epochMsAt(steps);
    }

    public Instant start() {
        return Instant.ofEpochMilli(startEpochMs);
    }

    public double durationSeconds() {
        return steps * stepSeconds();
    }
}
