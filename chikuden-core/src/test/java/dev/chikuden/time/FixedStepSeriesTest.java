package dev.chikuden.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FixedStepSeriesTest {
    @Test
    void meanToACoarserStepAveragesAndDropsATrailingPartialInterval() {
        FixedStepSeries s = new FixedStepSeries(0, 1000, new double[] {1, 2, 3, 4, 5, 6, 7});
        FixedStepSeries c = s.resample(3000, Interpolation.HOLD);
        assertThat(c.stepMs()).isEqualTo(3000);
        assertThat(c.values()).containsExactly(2, 5);
    }

    @Test
    void linearInterpolationRunsBetweenSamplesAndHoldsTheLast() {
        FixedStepSeries s = new FixedStepSeries(0, 4000, new double[] {0, 8});
        assertThat(s.resample(1000, Interpolation.LINEAR).values()).containsExactly(0, 2, 4, 6, 8, 8, 8, 8);
        assertThat(s.resample(1000, Interpolation.HOLD).values()).containsExactly(0, 0, 0, 0, 8, 8, 8, 8);
    }

    @Test
    void refusesStepsThatAreNotMultiplesOrDivisors() {
        FixedStepSeries s = new FixedStepSeries(0, 3000, new double[] {1, 2});
        assertThatThrownBy(() -> s.resample(2000, Interpolation.HOLD)).hasMessageContaining("must divide");
        assertThatThrownBy(() -> s.resample(4000, Interpolation.HOLD)).hasMessageContaining("whole multiple");
    }

    /** Holding to a finer step then averaging back gives the original exactly (energy is kept). */
    @Property(tries = 300)
    void holdThenMeanRoundTrips(
            @ForAll @Size(min = 1, max = 50) double[] values, @ForAll @IntRange(min = 1, max = 20) int factor) {
        FixedStepSeries s = new FixedStepSeries(1_700_000_000_000L, 60_000L * factor, sanitize(values));
        FixedStepSeries back = s.resample(60_000, Interpolation.HOLD).resample(60_000L * factor, Interpolation.HOLD);
        assertThat(back.values())
                .usingElementComparator((a, b) -> Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? 0 : 1)
                .containsExactly(s.values());
        assertThat(back.startEpochMs()).isEqualTo(s.startEpochMs());
    }

    /** Linear refinement keeps every original sample at its own instant. */
    @Property(tries = 300)
    void linearRefinementPassesThroughTheSamples(
            @ForAll @Size(min = 2, max = 50) double[] values, @ForAll @IntRange(min = 1, max = 20) int factor) {
        double[] v = sanitize(values);
        FixedStepSeries fine = new FixedStepSeries(0, 1000L * factor, v).resample(1000, Interpolation.LINEAR);
        for (int i = 0; i < v.length; i++) {
            assertThat(fine.get(i * factor)).isEqualTo(v[i]);
        }
    }

    /** Mean resampling keeps the integral of whole intervals. */
    @Property(tries = 300)
    void meanKeepsEnergy(
            @ForAll @Size(min = 1, max = 40) double[] values, @ForAll @IntRange(min = 1, max = 8) int factor) {
        double[] v = sanitize(values);
        int whole = v.length / factor * factor;
        double sum = 0;
        for (int i = 0; i < whole; i++) {
            sum += v[i];
        }
        FixedStepSeries c = new FixedStepSeries(0, 1000, v).resample(1000L * factor, Interpolation.HOLD);
        double coarseSum = 0;
        for (double x : c.values()) {
            coarseSum += x * factor;
        }
        assertThat(coarseSum).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(sum))));
    }

    private static double[] sanitize(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            out[i] = Double.isFinite(x) ? Math.max(-1e6, Math.min(1e6, x)) : 0;
        }
        return out;
    }
}
