package dev.chikuden.ems.store;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The re-bucketing of long ranges: few enough points, and no coarser than needed. */
class CoarseBucketPropertiesTest {
    @Property
    void theSmallestMultipleOfTheBucketThatFitsMaxPoints(
            @ForAll @IntRange(min = 0, max = 3) int bucketChoice,
            @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long fromMs,
            @ForAll @LongRange(min = 0, max = 40_000_000_000L) long spanMs,
            @ForAll @IntRange(min = 1, max = 3_000) int maxPoints) {
        long bucketMs = new long[] {1_000, 10_000, 60_000, 300_000}[bucketChoice];
        TelemetryTables tables = new TelemetryTables(bucketMs, false);
        long fromBucket = tables.bucketStart(fromMs);
        long toMs = fromMs + spanMs;

        long coarseMs = new TelemetryReader(tables, 1_000).coarseBucketMs(fromBucket, toMs, maxPoints);

        assertThat(coarseMs % bucketMs).isZero();
        assertThat(touched(fromBucket, toMs, coarseMs)).isLessThanOrEqualTo(Math.max(maxPoints, 2));
        if (coarseMs > bucketMs) {
            assertThat(touched(fromBucket, toMs, coarseMs - bucketMs))
                    .as("one bucket finer")
                    .isGreaterThan(maxPoints);
        }
    }

    /** Buckets of {@code sizeMs} from the epoch that the range meets. */
    private static long touched(long fromMs, long toMs, long sizeMs) {
        return Math.floorDiv(toMs, sizeMs) - Math.floorDiv(fromMs, sizeMs) + 1;
    }
}
