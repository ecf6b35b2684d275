package dev.chikuden.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A zone's offset from UTC for callers that ask step after step, moving forward: the zone's rules
 * are searched again only when a moment is before the last one searched or at or past the next
 * transition, so a year of steps in Asia/Tokyo searches once. Not for use by two threads at once.
 */
public final class OffsetCache {
    private final ZoneRules rules;
    private long validFromMs = Long.MAX_VALUE;
    private long validUntilMs = Long.MIN_VALUE;
    private long offsetMs;

    public OffsetCache(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The offset at {@code epochMs}, ms. */
    public long offsetMs(long epochMs) {
        if (epochMs < validFromMs || epochMs >= validUntilMs) {
            Instant t = Instant.ofEpochMilli(epochMs);
            offsetMs = rules.getOffset(t).getTotalSeconds() * 1000L;
            ZoneOffsetTransition next = rules.nextTransition(t);
            validFromMs = epochMs;
            validUntilMs = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
        }
        return offsetMs;
    }

    /** The local wall-clock time at {@code epochMs}, as ms since 1970-01-01T00:00 local. */
    public long localMs(long epochMs) {
        return epochMs + offsetMs(epochMs);
    }
}
