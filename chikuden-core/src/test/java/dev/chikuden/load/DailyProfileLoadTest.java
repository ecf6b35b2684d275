package dev.chikuden.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.time.TimeGrid;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DailyProfileLoadTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final double[] SHAPE = new double[24];

    static {
        for (int h = 0; h < 24; h++) {
            SHAPE[h] = 1 + h / 100.0;
        }
    }

    @Test
    void followsTheShapeAtHourMidpointsInLocalTime() {
        // Monday 2025-08-04 00:00 JST, 30-minute steps: step 2h+1 is the midpoint of local hour h
        long start = ZonedDateTime.of(2025, 8, 4, 0, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        TimeGrid grid = new TimeGrid(start, 1_800_000, 48, TOKYO);
        double[] out = new double[48];
        new DailyProfileLoad(grid, 1000, SHAPE, 0.5, 0, 1).fill(0, out, 48);
        for (int h = 0; h < 24; h++) {
            assertThat(out[2 * h + 1]).isCloseTo(1000 * SHAPE[h], offset(1e-9));
        }
        // on the hour: halfway between the two neighbouring midpoints
        assertThat(out[20]).isCloseTo(1000 * (SHAPE[9] + SHAPE[10]) / 2, offset(1e-9));
    }

    @Test
    void weekendsAreScaled() {
        long saturday =
                ZonedDateTime.of(2025, 8, 9, 0, 0, 0, 0, TOKYO).toInstant().toEpochMilli();
        TimeGrid grid = new TimeGrid(saturday, 1_800_000, 2, TOKYO);
        double[] out = new double[2];
        new DailyProfileLoad(grid, 1000, SHAPE, 0.5, 0, 1).fill(0, out, 2);
        assertThat(out[1]).isCloseTo(500 * SHAPE[0], offset(1e-9));
    }

    @Test
    void noiseIsDeterministicInTheSeedAndIndependentOfChunking() {
        TimeGrid grid = new TimeGrid(0, 1000, 10_000, TOKYO);
        double[] whole = new double[10_000];
        new DailyProfileLoad(grid, 1000, SHAPE, 1, 0.02, 7).fill(0, whole, 10_000);
        DailyProfileLoad chunked = new DailyProfileLoad(grid, 1000, SHAPE, 1, 0.02, 7);
        double[] part = new double[333];
        for (int first = 0; first < 10_000; first += 333) {
            int n = Math.min(333, 10_000 - first);
            chunked.fill(first, part, n);
            for (int i = 0; i < n; i++) {
                assertThat(part[i]).isEqualTo(whole[first + i]);
            }
        }
        double[] otherSeed = new double[10_000];
        new DailyProfileLoad(grid, 1000, SHAPE, 1, 0.02, 8).fill(0, otherSeed, 10_000);
        assertThat(otherSeed).isNotEqualTo(whole);
    }

    @Test
    void noiseHasTheConfiguredSpread() {
        double[] flat = new double[24];
        java.util.Arrays.fill(flat, 1);
        int n = 200_000;
        TimeGrid grid = new TimeGrid(0, 1000, n, TOKYO);
        double[] out = new double[n];
        new DailyProfileLoad(grid, 1000, flat, 1, 0.02, 3).fill(0, out, n);
        double mean = java.util.Arrays.stream(out).average().orElseThrow();
        double var =
                java.util.Arrays.stream(out).map(x -> (x - mean) * (x - mean)).sum() / n;
        assertThat(mean).isCloseTo(1000, offset(2.0));
        assertThat(Math.sqrt(var)).isCloseTo(20, offset(2.0)); // 2 % of 1000 kW
    }

    @Test
    void stepsThatDoNotDivideTheDayFollowTheShapeAtTheirOwnLocalTime() {
        // 7-s steps from 00:00:03 local: each day's steps fall at another phase of the step
        long start = ZonedDateTime.of(2025, 8, 1, 0, 0, 3, 0, TOKYO).toInstant().toEpochMilli();
        int n = 3 * 86_400 / 7;
        TimeGrid grid = new TimeGrid(start, 7_000, n, TOKYO);
        double[] out = new double[n];
        DailyProfileLoad load = new DailyProfileLoad(grid, 1000, SHAPE, 0.5, 0, 1);
        for (int first = 0; first < n; first += 1000) {
            double[] chunk = new double[1000];
            int count = Math.min(1000, n - first);
            load.fill(first, chunk, count);
            System.arraycopy(chunk, 0, out, first, count);
        }
        for (int s = 0; s < n; s++) {
            ZonedDateTime local =
                    java.time.Instant.ofEpochMilli(grid.epochMsAt(s)).atZone(TOKYO);
            double hour = local.toLocalTime().toSecondOfDay() / 3600.0 - 0.5;
            int h0 = (int) Math.floor(hour);
            double expected = SHAPE[(h0 + 24) % 24] + (SHAPE[(h0 + 25) % 24] - SHAPE[(h0 + 24) % 24]) * (hour - h0);
            boolean weekend = local.getDayOfWeek().getValue() >= 6;
            assertThat(out[s]).as("step %d", s).isCloseTo(1000 * expected * (weekend ? 0.5 : 1), offset(1e-9));
        }
    }
}
