package dev.chikuden.finance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class CashFlowsPropertiesTest {
    /**
     * Conventional flows: one outlay C, then inflows of at most C each that together exceed C.
     * Their NPV falls strictly with the rate, is positive at 0 (the inflows exceed C) and negative
     * at 1,000 % (each inflow is at most C, so their PV is at most C/10), so exactly one IRR lies
     * in between and the NPV changes sign there.
     */
    @Property(tries = 300)
    void irrZeroesTheNpvOfConventionalFlows(@ForAll("conventional") double[] flows) {
        double irr = CashFlows.irr(flows);
        double scale = 0;
        for (double f : flows) {
            scale += Math.abs(f);
        }
        assertThat(irr).isBetween(0.0, CashFlows.HIGHEST_RATE);
        assertThat(Math.abs(CashFlows.npv(irr, flows))).isLessThanOrEqualTo(1e-9 * scale);
        assertThat(CashFlows.npv(irr * 0.999 - 1e-6, flows)).isPositive();
        assertThat(CashFlows.npv(irr * 1.001 + 1e-6, flows)).isNegative();
    }

    /** Discounting only shrinks later inflows, so recovering the outlay can only take longer. */
    @Property(tries = 300)
    void discountedPaybackIsNeverShorterThanSimplePayback(
            @ForAll("conventional") double[] flows, @ForAll @DoubleRange(min = 0, max = 0.5) double rate) {
        assertThat(CashFlows.discountedPaybackYears(rate, flows))
                .isGreaterThanOrEqualTo(CashFlows.simplePaybackYears(flows) - 1e-9);
    }

    @Provide
    Arbitrary<double[]> conventional() {
        Arbitrary<Double> outlay = Arbitraries.doubles().between(1, 1e9);
        Arbitrary<double[]> shares = Arbitraries.doubles()
                .between(0, 1)
                .array(double[].class)
                .ofMinSize(1)
                .ofMaxSize(40)
                .filter(s -> sum(s) > 1.000001);
        return Combinators.combine(outlay, shares).as((c, s) -> {
            double[] flows = new double[s.length + 1];
            flows[0] = -c;
            for (int k = 0; k < s.length; k++) {
                flows[k + 1] = c * s[k];
            }
            return flows;
        });
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
