package dev.chikuden.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.Interpolation;
import dev.chikuden.time.TimeGrid;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TraceProfileTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    final FixedStepSeries quarterHours = new FixedStepSeries(0, 900_000, new double[] {1, 2, 3, 4});

    @Test
    void isRefinedAndScaledOntoTheStudyGrid() {
        TimeGrid grid = new TimeGrid(900_000, 300_000, 6, UTC); // starts at the second value
        double[] out = new double[6];
        new TraceProfile("t.csv", quarterHours, grid, Interpolation.HOLD, 1000, false).fill(0, out, 6);
        assertThat(out).containsExactly(2000, 2000, 2000, 3000, 3000, 3000);
    }

    @Test
    void isAveragedToACoarserStudyStep() {
        TimeGrid grid = new TimeGrid(0, 1_800_000, 2, UTC);
        double[] out = new double[2];
        new TraceProfile("t.csv", quarterHours, grid, Interpolation.HOLD, 1, false).fill(0, out, 2);
        assertThat(out).containsExactly(1.5, 3.5);
    }

    @Test
    void repeatsFromItsStartWhenAsked() {
        TimeGrid grid = new TimeGrid(0, 900_000, 10, UTC);
        double[] out = new double[7];
        TraceProfile p = new TraceProfile("t.csv", quarterHours, grid, Interpolation.HOLD, 1, true);
        p.fill(3, out, 7);
        assertThat(out).containsExactly(4, 1, 2, 3, 4, 1, 2);
    }

    @Test
    void aTraceThatIsTooShortNamesItsFileAndTheFix() {
        TimeGrid grid = new TimeGrid(0, 900_000, 5, UTC);
        assertThatThrownBy(() -> new TraceProfile("t.csv", quarterHours, grid, Interpolation.HOLD, 1, false))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.csv: the trace covers 4 steps of 900000 ms from its start, the study needs 5; "
                        + "supply a longer trace or set repeat: true");
    }

    @Test
    void aStepThatDoesNotFitIsBadInput() {
        TimeGrid grid = new TimeGrid(0, 420_000, 2, UTC);
        assertThatThrownBy(() -> new TraceProfile("t.csv", quarterHours, grid, Interpolation.HOLD, 1, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("t.csv: cannot refine a 900000 ms series to 420000 ms");
    }
}
