package dev.chikuden.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutageResultTest {
    /** Four starts surviving 0, 1, 2 and 4 h: 3 of 4 last 1 h, 2 of 4 last 2 h; mean 7/4. */
    private final OutageResult result = new OutageResult(new double[] {2, 0, 4, 1});

    @Test
    void survivalProbabilityIsTheShareOfStartsLastingThatLong() {
        assertThat(result.survivalProbability(0)).isEqualTo(1.0);
        assertThat(result.survivalProbability(0.5)).isEqualTo(0.75);
        assertThat(result.survivalProbability(1)).isEqualTo(0.75);
        assertThat(result.survivalProbability(2)).isEqualTo(0.5);
        assertThat(result.survivalProbability(4)).isEqualTo(0.25);
        assertThat(result.survivalProbability(4.5)).isEqualTo(0.0);
    }

    /** Survival built from sums of periods may fall a rounding short of the hour asked. */
    @Test
    void aRoundingShortOfTheHourStillCounts() {
        OutageResult r = new OutageResult(new double[] {0.1 + 0.2, 2 - 1e-12});
        assertThat(r.survivalProbability(0.3)).isEqualTo(1.0);
        assertThat(r.survivalProbability(2)).isEqualTo(0.5);
    }

    @Test
    void theCurveAgreesWithTheProbabilityAtEachHour() {
        double[] hours = {4.5, 0, 1, 2, 4, 0.5, 1 - 1e-12};
        assertThat(result.survivalCurve(hours))
                .containsExactly(new double[] {0.0, 1.0, 0.75, 0.5, 0.25, 0.75, 0.75}, within(0.0));
    }

    @Test
    void meanAndMinimum() {
        assertThat(result.meanSurvivedHours()).isEqualTo(1.75);
        assertThat(result.minSurvivedHours()).isEqualTo(0.0);
    }

    @Test
    void theResultKeepsItsOwnCopy() {
        double[] survived = {1, 2};
        OutageResult r = new OutageResult(survived);
        survived[0] = 99;
        assertThat(r.minSurvivedHours()).isEqualTo(1.0);
        assertThatThrownBy(() -> r.survivalProbability(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutageResult(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
