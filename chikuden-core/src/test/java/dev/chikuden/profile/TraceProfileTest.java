package dev.chikuden.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.TimeGrid;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TraceProfileTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    final FixedStepSeries quarterHours = new FixedStepSeries(0, 900_000, new double[] {1, 2, 3, 4});

    @Test
    void isScaledAndStartsWhereTheStudyDoes() {
        TimeGrid grid = new TimeGrid(900_000, 900_000, 3, UTC); // starts at the second value
        double[] out = new double[3];
        new TraceProfile("t.csv", quarterHours, grid, 1000, false).fill(0, out, 3);
        assertThat(out).containsExactly(2000, 3000, 4000);
    }

    @Test
    void repeatsFromItsStartWhenAsked() {
        TimeGrid grid = new TimeGrid(0, 900_000, 10, UTC);
        double[] out = new double[7];
        TraceProfile p = new TraceProfile("t.csv", quarterHours, grid, 1, true);
        p.fill(3, out, 7);
        assertThat(out).containsExactly(4, 1, 2, 3, 4, 1, 2);
    }

    @Test
    void aTraceThatIsTooShortNamesItsFileAndTheFix() {
        TimeGrid grid = new TimeGrid(0, 900_000, 5, UTC);
        assertThatThrownBy(() -> new TraceProfile("t.csv", quarterHours, grid, 1, false))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.csv: the trace covers 4 steps of 900000 ms from its start, the study needs 5; "
                        + "supply a longer trace or set repeat: true");
    }
}
