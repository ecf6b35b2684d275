package dev.chikuden.gridcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RampBinsTest {
    @Test
    void widensToFitEveryRampAndKeepsEveryCount() {
        RampBins bins = new RampBins();
        for (double kwPerS : new double[] {0.001, 0.5, -0.5, 1000, -3000, 0}) {
            bins.add(kwPerS);
        }
        RampHistogram h = bins.histogram();
        assertThat(h.total()).isEqualTo(6);
        // 3,000 kW/s must lie inside 64 bins on the negative side: width 64 kW/s, a power of two
        assertThat(h.binKwPerS()).isEqualTo(64);
        assertThat(count(h, -3000)).isEqualTo(1);
        assertThat(count(h, 1000)).isEqualTo(1);
        assertThat(count(h, -0.5)).isEqualTo(1); // [-64, 0)
        assertThat(count(h, 0)).isEqualTo(3); // 0, 0.001 and 0.5 in [0, 64)
    }

    @Test
    void notANumberIsNotCounted() {
        RampBins bins = new RampBins();
        bins.add(Double.NaN);
        assertThat(bins.histogram().total()).isZero();
    }

    private static long count(RampHistogram h, double kwPerS) {
        long[] counts = h.counts();
        for (int i = 0; i < counts.length; i++) {
            if (kwPerS >= h.lowerEdgeKwPerS(i) && kwPerS < h.lowerEdgeKwPerS(i) + h.binKwPerS()) {
                return counts[i];
            }
        }
        throw new AssertionError(kwPerS + " kW/s lies outside the histogram");
    }
}
