package dev.chikuden.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CashFlowsTest {
    /**
     * By hand at 10 %: 300/1.1 + 400/1.21 + 500/1.331 = (300 x 1.21 + 400 x 1.1 + 500)/1.331
     * = 1303/1.331, so NPV = (1303 - 1331)/1.331 = -28000/1331 = -21.0368...
     */
    @Test
    void npvOfATextbookProject() {
        assertThat(CashFlows.npv(0.10, new double[] {-1000, 300, 400, 500}))
                .isCloseTo(-28000.0 / 1331.0, within(1e-10));
    }

    @Test
    void npvAtZeroRateIsThePlainSumAndYearZeroIsNotDiscounted() {
        assertThat(CashFlows.npv(0.0, new double[] {-10, 4, 4, 4})).isCloseTo(2.0, within(1e-12));
        assertThat(CashFlows.npv(0.5, new double[] {-10})).isEqualTo(-10.0);
        assertThat(CashFlows.npv(0.5, new double[0])).isEqualTo(0.0);
    }

    /**
     * With x = 1 + r, 100 x^2 = 60 x + 60, i.e. 5 x^2 - 3 x - 3 = 0, whose positive root is
     * x = (3 + sqrt(69))/10, so r = (sqrt(69) - 7)/10 = 0.13066...
     */
    @Test
    void irrOfTwoEqualInflowsSolvesTheQuadratic() {
        assertThat(CashFlows.irr(new double[] {-100, 60, 60})).isCloseTo((Math.sqrt(69) - 7) / 10, within(1e-12));
    }

    /** A single period: 100 now for 110 in a year is 10 %; getting back only 50 is -50 %. */
    @Test
    void irrOfOnePeriodIsTheSimpleReturn() {
        assertThat(CashFlows.irr(new double[] {-100, 110})).isCloseTo(0.10, within(1e-12));
        assertThat(CashFlows.irr(new double[] {-100, 50})).isCloseTo(-0.50, within(1e-12));
    }

    @Test
    void irrIsUndefinedWithoutASignChangeOrARootInRange() {
        assertThat(CashFlows.irr(new double[] {-100, -5})).isNaN();
        assertThat(CashFlows.irr(new double[] {100, 5, 5})).isNaN();
        assertThat(CashFlows.irr(new double[] {0, 0})).isNaN();
        // 100 now for 2,000 in a year is 1,900 %, above the 1,000 % the search covers.
        assertThat(CashFlows.irr(new double[] {-100, 2000})).isNaN();
    }

    /**
     * -100, 230, -132 changes sign twice: with x = 1 + r, 100 x^2 - 230 x + 132 = 0 has the roots
     * x = 1.1 and x = 1.2; the lower rate, 10 %, is returned.
     */
    @Test
    void irrOfNonConventionalFlowsIsTheLowestRoot() {
        assertThat(CashFlows.irr(new double[] {-100, 230, -132})).isCloseTo(0.10, within(1e-12));
    }

    /** Cumulative -70, -20, +20: zero is reached half way through year 3 (20 of its 40). */
    @Test
    void simplePaybackInterpolatesWithinTheYear() {
        assertThat(CashFlows.simplePaybackYears(new double[] {-100, 30, 50, 40}))
                .isCloseTo(2.5, within(1e-12));
        assertThat(CashFlows.simplePaybackYears(new double[] {-100, 50, 50, 50}))
                .isCloseTo(2.0, within(1e-12));
    }

    @Test
    void paybackIsZeroWithoutAnOutlayAndInfiniteWhenNeverReached() {
        assertThat(CashFlows.simplePaybackYears(new double[] {0, 5})).isEqualTo(0.0);
        assertThat(CashFlows.simplePaybackYears(new double[] {-100, 30, 30, 30}))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(CashFlows.discountedPaybackYears(0.10, new double[] {-100, 30, 30, 40}))
                .isEqualTo(Double.POSITIVE_INFINITY); // plain sum 0, discounted sum below 0
    }

    /** The first crossing counts, even if a later outlay takes the sum below zero again. */
    @Test
    void paybackIsTheFirstCrossing() {
        assertThat(CashFlows.simplePaybackYears(new double[] {-100, 80, 40, -50, 60}))
                .isCloseTo(1.5, within(1e-12));
    }

    /**
     * At 10 %, -100 + 50/1.1 + 50/1.21 = -1600/121 after two years; year 3 brings 50/1.331, and
     * (1600/121)/(50/1.331) = 0.352, so the discounted payback is 2.352 years.
     */
    @Test
    void discountedPaybackUsesDiscountedFlows() {
        assertThat(CashFlows.discountedPaybackYears(0.10, new double[] {-100, 50, 50, 50}))
                .isCloseTo(2.352, within(1e-12));
        assertThat(CashFlows.discountedPaybackYears(0.0, new double[] {-100, 30, 50, 40}))
                .isCloseTo(2.5, within(1e-12));
    }

    @Test
    void badInputsAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> CashFlows.npv(-1.0, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> CashFlows.npv(Double.NaN, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> CashFlows.irr(new double[] {-1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("year 1");
        assertThatThrownBy(() -> CashFlows.simplePaybackYears(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> CashFlows.simplePaybackYears(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
