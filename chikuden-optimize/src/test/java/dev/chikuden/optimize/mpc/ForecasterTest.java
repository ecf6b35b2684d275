package dev.chikuden.optimize.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class ForecasterTest {
    /** Four periods a day over three days: day d, period p is 100 d + p. */
    static final double[] TRUTH = {0, 1, 2, 3, 100, 101, 102, 103, 200, 201, 202, 203};

    @Test
    void thePerfectForecastIsTheTruth() {
        double[] out = new double[3];
        Forecaster.perfect().forecast(TRUTH, 5, out, 3);
        assertThat(out).containsExactly(101, 102, 103);
    }

    @Test
    void theSeasonalNaiveForecastRepeatsTheLastDaySeen() {
        double[] out = new double[6];
        Forecaster.seasonalNaive(4).forecast(TRUTH, 6, out, 6);
        // issued at period 6 (day 1, period 2): periods 6..9 from one day earlier, 10..11 from two
        assertThat(out).containsExactly(2, 3, 100, 101, 2, 3);
    }

    @Test
    void theSeasonalNaiveForecastUsesTheTruthWhereNoDayWasSeenYet() {
        double[] out = new double[4];
        Forecaster.seasonalNaive(4).forecast(TRUTH, 2, out, 4);
        assertThat(out).containsExactly(2, 3, 0, 1); // periods 2, 3 have no day before them
    }

    @Test
    void theNoisyForecastKnowsThePeriodAboutToStartAndRepeatsWithItsSeed() {
        double[] flat = new double[20_000];
        java.util.Arrays.fill(flat, 1000);
        double[] a = new double[flat.length];
        double[] b = new double[flat.length];
        Forecaster.noisy(0.1, 7).forecast(flat, 0, a, a.length);
        Forecaster.noisy(0.1, 7).forecast(flat, 0, b, b.length);
        assertThat(a).containsExactly(b);
        assertThat(a[0]).isEqualTo(1000);
        double mean = java.util.Arrays.stream(a).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(a)
                .map(v -> (v - mean) * (v - mean))
                .average()
                .orElseThrow());
        assertThat(mean).isCloseTo(1000, offset(3.0));
        assertThat(sd).isCloseTo(100, offset(3.0));
        double[] c = new double[flat.length];
        Forecaster.noisy(0.1, 8).forecast(flat, 0, c, c.length);
        assertThat(c).isNotEqualTo(a);
    }
}
