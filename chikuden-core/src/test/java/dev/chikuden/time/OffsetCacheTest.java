package dev.chikuden.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetCacheTest {
    /**
     * The zone's own offset at every 7-minute moment over three years, forward, with a few steps
     * back in time among them (the cache must search again then), and at each transition's instant
     * and the millisecond before it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Asia/Tokyo", "Europe/London", "America/Santiago", "Australia/Lord_Howe", "UTC"})
    void theZonesOffsetAtEveryMoment(String zoneId) {
        ZoneRules rules = ZoneId.of(zoneId).getRules();
        OffsetCache cache = new OffsetCache(ZoneId.of(zoneId));
        long from = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        int k = 0;
        for (long t = from; t < to; t += 7 * 60_000L) {
            long at = ++k % 5000 == 0 ? t - 40 * 86_400_000L : t; // now and then, back 40 days
            assertThat(cache.offsetMs(at))
                    .as("%s", Instant.ofEpochMilli(at))
                    .isEqualTo(rules.getOffset(Instant.ofEpochMilli(at)).getTotalSeconds() * 1000L);
        }
        for (var tr = rules.nextTransition(Instant.ofEpochMilli(from));
                tr != null && tr.getInstant().toEpochMilli() < to;
                tr = rules.nextTransition(tr.getInstant())) {
            long at = tr.getInstant().toEpochMilli();
            assertThat(cache.offsetMs(at - 1)).isEqualTo(tr.getOffsetBefore().getTotalSeconds() * 1000L);
            assertThat(cache.offsetMs(at)).isEqualTo(tr.getOffsetAfter().getTotalSeconds() * 1000L);
        }
    }
}
