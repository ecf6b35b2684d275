package dev.chikuden.site;

import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneId;

/** The simulated period: {@code durationMs} is a whole multiple of {@code stepMs}. */
public record StudyPeriod(Instant start, long durationMs, long stepMs) {
    public long steps() {
        return durationMs / stepMs;
    }

    public TimeGrid timeGrid(ZoneId zone) {
        return TimeGrid.of(start, stepMs, steps(), zone);
    }
}
