package dev.chikuden.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.BadInputException;
import dev.chikuden.time.TimeGrid;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ClimateTest {
    final Climate osaka = Climate.named("osaka");

    @Test
    void midMonthDaysSpanTheNormalMinimumAndMaximum() {
        // 15 August (day 227, close to mid-month): 05:00 near the mean minimum 25.7, 14:00 near the maximum 33.1
        assertThat(osaka.temperatureC(LocalDateTime.of(2025, 8, 15, 5, 0))).isCloseTo(25.7, offset(0.3));
        assertThat(osaka.temperatureC(LocalDateTime.of(2025, 8, 15, 14, 0))).isCloseTo(33.1, offset(0.3));
        assertThat(osaka.temperatureC(LocalDateTime.of(2025, 1, 15, 5, 0))).isCloseTo(2.8, offset(0.3));
    }

    @Test
    void theProfileOnAGridMatchesThePointFunctionInLocalTime() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        long start = ZonedDateTime.of(2025, 7, 1, 0, 0, 0, 0, tokyo).toInstant().toEpochMilli();
        TimeGrid grid = new TimeGrid(start, 60_000, 3 * 1440, tokyo);
        double[] out = new double[3 * 1440];
        osaka.on(grid).fill(0, out, out.length);
        for (int m = 0; m < out.length; m += 37) {
            LocalDateTime local = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(grid.epochMsAt(m)), tokyo);
            assertThat(out[m]).isCloseTo(osaka.temperatureC(local), offset(1e-9));
        }
    }

    @Test
    void anUnknownClimateNamesTheBuiltInOnes() {
        assertThatThrownBy(() -> Climate.named("tokyo"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("climate \"tokyo\" is not built in; allowed: osaka");
        assertThatThrownBy(() -> Climate.named("../tariff/presets/kansai-dento-a"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("allowed: osaka");
    }
}
