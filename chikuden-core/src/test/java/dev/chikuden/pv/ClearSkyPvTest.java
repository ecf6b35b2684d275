package dev.chikuden.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClearSkyPvTest {
    @Test
    void solarNoonOutputMatchesTheSunsElevation() {
        // At longitude 135 E, solar noon is 03:00 UTC. On 21 June (day 172) declination (Cooper) is
        // 23.45 * sin(2 pi (284 + 172) / 365); elevation at latitude 34.57 is 90 - |lat - decl|.
        double lat = 34.57;
        double decl = 23.45 * Math.sin(2 * Math.PI * (284 + 172) / 365.0);
        double expected = 1000 * Math.sin(Math.toRadians(90 - Math.abs(lat - decl)));
        long start = Instant.parse("2025-06-21T00:00:00Z").toEpochMilli();
        TimeGrid grid = new TimeGrid(start, 60_000, 24 * 60, ZoneId.of("Asia/Tokyo"));
        double[] out = new double[24 * 60];
        new ClearSkyPv(grid, 1000, lat, 135).fill(0, out, out.length);
        assertThat(out[180]).isCloseTo(expected, offset(1e-6)); // 03:00 UTC
        double max = java.util.Arrays.stream(out).max().orElseThrow();
        assertThat(max).isCloseTo(expected, offset(1e-6));
        // night: 15:00 UTC is local solar midnight
        assertThat(out[15 * 60]).isZero();
    }

    @Test
    void chunkingDoesNotChangeTheOutput() {
        TimeGrid grid = new TimeGrid(
                Instant.parse("2025-03-01T00:00:00Z").toEpochMilli(), 1000, 3 * 86400, ZoneId.of("Asia/Tokyo"));
        int n = (int) grid.steps();
        double[] whole = new double[n];
        ClearSkyPv pv = new ClearSkyPv(grid, 500, 34.57, 135.47);
        pv.fill(0, whole, n);
        double[] part = new double[8192];
        for (int first = 0; first < n; first += 8192) {
            int k = Math.min(8192, n - first);
            pv.fill(first, part, k);
            for (int i = 0; i < k; i++) {
                assertThat(part[i]).isCloseTo(whole[first + i], offset(1e-6));
            }
        }
    }
}
