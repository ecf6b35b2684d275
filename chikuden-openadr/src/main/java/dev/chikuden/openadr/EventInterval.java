package dev.chikuden.openadr;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Where an instruction comes from and when it holds: the event and its program (VTN object ids), the
 * interval's id (a report on this interval names it), the span, and the event's priority (lower is
 * more important, 0 the most; empty when the event gives none).
 */
public record EventInterval(
        String eventId, String programId, int intervalId, Instant start, Duration duration, OptionalInt priority) {

    /** The instant the interval ends (exclusive). */
    public Instant end() {
        return start.plus(duration);
    }
}
