package dev.chikuden.site;

import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The simulated period: {@code durationMs} is a whole multiple of {@code stepMs}. A multi-year
 * study runs the period {@code years} times with the same batteries (they keep aging): either
 * repeating the same dates ({@code rolling} false: the same load and weather every year) or
 * rolling on to the following periods.
 */
public record StudyPeriod(Instant start, long durationMs, long stepMs, int years, boolean rolling) {
    public long steps() {
        return durationMs / stepMs;
    }

    public TimeGrid timeGrid(ZoneId zone) {
        return TimeGrid.of(start, stepMs, steps(), zone);
    }

    /** The grid of study year {@code year} (0-based). */
    public TimeGrid timeGrid(ZoneId zone, int year) {
        return year(year).timeGrid(zone);
    }

    /** Study year {@code year} (0-based) as a study of its own: the dates that year runs through. */
    public StudyPeriod year(int year) {
        return new StudyPeriod(rolling ? start.plusMillis(year * durationMs) : start, durationMs, stepMs, 1, false);
    }
}
