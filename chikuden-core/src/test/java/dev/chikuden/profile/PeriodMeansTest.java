package dev.chikuden.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PeriodMeansTest {
    /** Step k has the value k. */
    private static final Profile RAMP = (first, out, count) -> {
        for (int i = 0; i < count; i++) {
            out[i] = first + i;
        }
    };

    @Test
    void averagesWholePeriodsAndAPartialLastOne() {
        TimeGrid grid = TimeGrid.of(Instant.EPOCH, 1_000, 10_000, ZoneOffset.UTC);
        double[] m = PeriodMeans.of(RAMP, grid, 1_800_000);
        assertThat(m).hasSize(6);
        assertThat(m[0]).isCloseTo(899.5, within(1e-9));
        assertThat(m[5]).isCloseTo((9000 + 9999) / 2.0, within(1e-9));
    }

    @Test
    void holdsAStepLongerThanThePeriod() {
        TimeGrid grid = TimeGrid.of(Instant.EPOCH, 3_600_000, 3, ZoneOffset.UTC);
        assertThat(PeriodMeans.of(RAMP, grid, 1_800_000)).containsExactly(0, 0, 1, 1, 2, 2);
    }

    @Test
    void refusesPeriodsThatDoNotTileTheSteps() {
        TimeGrid grid = TimeGrid.of(Instant.EPOCH, 7_000, 100, ZoneOffset.UTC);
        assertThatThrownBy(() -> PeriodMeans.of(RAMP, grid, 1_800_000)).hasMessageContaining("whole multiple");
    }
}
