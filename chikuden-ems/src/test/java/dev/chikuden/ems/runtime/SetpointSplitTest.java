package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class SetpointSplitTest {
    final double[] discharge = {300, 100, 0};
    final double[] charge = {10, 30, 60};
    final double[] out = new double[3];

    @Test
    void eachUnitGetsTheSameShareOfItsOwnHeadroom() {
        assertThat(SetpointSplit.split(200, discharge, charge, out)).isCloseTo(200, offset(1e-12));
        assertThat(out).containsExactly(new double[] {150, 50, 0}, offset(1e-12));
        assertThat(SetpointSplit.split(-50, discharge, charge, out)).isCloseTo(-50, offset(1e-12));
        assertThat(out).containsExactly(new double[] {-5, -15, -30}, offset(1e-12));
    }

    @Test
    void aRequestBeyondAllTheLimitsGivesEveryUnitItsLimit() {
        assertThat(SetpointSplit.split(1000, discharge, charge, out)).isEqualTo(400);
        assertThat(out).containsExactly(300, 100, 0);
        assertThat(SetpointSplit.split(-1e9, discharge, charge, out)).isEqualTo(-100);
        assertThat(out).containsExactly(-10, -30, -60);
    }

    @Test
    void noNumberNoHeadroomOrNoRequestGivesZerosWithoutNegativeZero() {
        assertThat(SetpointSplit.split(Double.NaN, discharge, charge, out)).isZero();
        assertThat(out).containsExactly(0, 0, 0);
        assertThat(SetpointSplit.split(-10, discharge, new double[3], out)).isZero();
        for (double v : out) {
            assertThat(1 / v).isEqualTo(Double.POSITIVE_INFINITY); // +0.0, not -0.0
        }
    }
}
