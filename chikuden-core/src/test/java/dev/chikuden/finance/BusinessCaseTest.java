package dev.chikuden.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BusinessCaseTest {
    /**
     * 1,000 kWh x 50,000 yen + 250 kW x 40,000 yen = 60 M yen of capex; O&M 250 kW x 2,000 yen =
     * 0.5 M a year; 100 kWh of cells at 30,000 yen in year 3 = 3 M; salvage 10 % = 6 M at the end.
     */
    static FinanceInputs threeYears() {
        return new FinanceInputs(
                50_000,
                40_000,
                2_000,
                30_000,
                0.05,
                3,
                1_000,
                250,
                new double[] {25e6, 25e6, 25e6},
                new double[] {300_000, 300_000, 300_000},
                new double[] {3e6, 3e6, 3e6},
                new double[] {0, 0, 100},
                0.10);
    }

    @Test
    void cashFlowsAreCapexThenSavingLessOmAndCellsPlusSalvage() {
        BusinessCase c = BusinessCase.of(threeYears());
        assertThat(c.capexYen()).isEqualTo(60e6);
        assertThat(c.years()).isEqualTo(3);
        assertThat(c.cashFlowYen()).containsExactly(new double[] {-60e6, 24.5e6, 24.5e6, 27.5e6}, within(1e-6));
    }

    /** Each year's flow is the sum of its line items, each worked out from the inputs alone. */
    @Test
    void eachYearsFlowIsTheSumOfItsLineItems() {
        FinanceInputs in = threeYears();
        BusinessCase c = BusinessCase.of(in);
        double[] capex = {-60e6, 0, 0, 0};
        double[] saving = {0, 25e6, 25e6, 25e6};
        double[] om = {0, -0.5e6, -0.5e6, -0.5e6};
        double[] cells = {0, 0, 0, -3e6};
        double[] salvage = {0, 0, 0, 6e6};
        for (int k = 0; k <= 3; k++) {
            assertThat(c.cashFlowYen()[k])
                    .as("year %d", k)
                    .isCloseTo(capex[k] + saving[k] + om[k] + cells[k] + salvage[k], within(1e-6));
        }
    }

    /**
     * At 5 %: 24.5/1.05 = 70/3, 24.5/1.05^2 = 200/9 and 27.5/1.05^3 = 220000/9261 (M yen), so the
     * NPV is 70/3 + 200/9 + 220000/9261 - 60 = 9.3111 M yen. The same NPV follows item by item:
     * savings and O&M as annuities, the cells and the salvage as single flows in year 3.
     */
    @Test
    void npvMatchesTheHandFigureAndTheSumOfItemPresentValues() {
        BusinessCase c = BusinessCase.of(threeYears());
        double byHand = (70.0 / 3 + 200.0 / 9 + 220_000.0 / 9261 - 60) * 1e6;
        assertThat(c.npvYen()).isCloseTo(byHand, within(1e-3));

        double annuity = annuityFactor(0.05, 3);
        double year3 = Math.pow(1.05, -3);
        double byItem = -60e6 + 25e6 * annuity - 0.5e6 * annuity - 3e6 * year3 + 6e6 * year3;
        assertThat(c.npvYen()).isCloseTo(byItem, within(1e-3));
    }

    /**
     * Capex 100, savings 60 and 60: the IRR solves 100 (1+r)^2 = 60 (1+r) + 60, r = (sqrt(69) - 7)/10;
     * the cumulative sum -100, -40, +20 pays back after 1 + 40/60 = 5/3 years.
     */
    @Test
    void irrAndPaybackComeFromTheCashFlows() {
        FinanceInputs in = new FinanceInputs(
                100,
                0,
                0,
                0,
                0.0,
                2,
                1,
                0,
                new double[] {60, 60},
                new double[] {1, 1},
                new double[2],
                new double[2],
                0);
        BusinessCase c = BusinessCase.of(in);
        assertThat(c.irr()).isCloseTo((Math.sqrt(69) - 7) / 10, within(1e-12));
        assertThat(c.simplePaybackYears()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(c.discountedPaybackYears()).isCloseTo(5.0 / 3, within(1e-12)); // at 0 %
        assertThat(c.npvYen()).isCloseTo(20, within(1e-12));
    }

    /**
     * Constant yearly O&M M, charging cost P and discharge E over n years, no cells, no salvage:
     * with the annuity factor AF = (1 - (1+r)^-n)/r, LCOS = (C + (M + P) AF)/(E AF)
     * = C/(E AF) + (M + P)/E. At 5 % over 15 years AF = 10.3797 (annuity tables).
     */
    @Test
    void lcosOfAConstantYearIsTheAnnuityFormula() {
        int n = 15;
        double r = 0.05;
        double[] discharge = constant(n, 300_000);
        double[] chargeCost = constant(n, 3e6);
        FinanceInputs in = new FinanceInputs(
                50_000,
                40_000,
                2_000,
                30_000,
                r,
                n,
                1_000,
                250,
                constant(n, 20e6),
                discharge,
                chargeCost,
                new double[n],
                0);
        double af = annuityFactor(r, n);
        assertThat(af).isCloseTo(10.3797, within(1e-4));
        double expected = 60e6 / (300_000 * af) + (0.5e6 + 3e6) / 300_000;
        assertThat(BusinessCase.of(in).lcosYenPerKwh()).isCloseTo(expected, within(1e-9));
    }

    /** Cells and salvage enter the LCOS discounted from their year; the savings do not enter it. */
    @Test
    void lcosCountsCellsAndSalvageButNotSavings() {
        FinanceInputs in = threeYears();
        double af = annuityFactor(0.05, 3);
        double year3 = Math.pow(1.05, -3);
        double expected = (60e6 + (0.5e6 + 3e6) * af + 3e6 * year3 - 6e6 * year3) / (300_000 * af);
        assertThat(BusinessCase.of(in).lcosYenPerKwh()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void lcosIsUndefinedWhenNothingIsDischarged() {
        FinanceInputs in = new FinanceInputs(
                100, 0, 0, 0, 0.05, 2, 1, 0, new double[] {60, 60}, new double[2], new double[2], new double[2], 0);
        assertThat(BusinessCase.of(in).lcosYenPerKwh()).isNaN();
    }

    @Test
    void irrIsNaNWhenTheBatteryNeverEarns() {
        FinanceInputs in = new FinanceInputs(
                100,
                0,
                10,
                0,
                0.05,
                2,
                1,
                1,
                new double[] {5, 5},
                new double[] {1, 1},
                new double[2],
                new double[2],
                0);
        BusinessCase c = BusinessCase.of(in);
        assertThat(c.irr()).isNaN();
        assertThat(c.simplePaybackYears()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void badInputsNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> new FinanceInputs(
                        1, 1, 1, 1, 0.05, 3, 1, 1, new double[2], new double[3], new double[3], new double[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annualSavingYen has 2 values; expected 3");
        assertThatThrownBy(() -> new FinanceInputs(
                        1,
                        1,
                        1,
                        1,
                        0.05,
                        2,
                        1,
                        1,
                        new double[2],
                        new double[] {1, Double.NaN},
                        new double[2],
                        new double[2],
                        0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annualDischargeKwh of year 2 is NaN");
        assertThatThrownBy(() -> new FinanceInputs(
                        1,
                        1,
                        1,
                        1,
                        0.05,
                        2,
                        1,
                        1,
                        new double[2],
                        new double[2],
                        new double[2],
                        new double[] {0, -5},
                        0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replacementKwhByYear of year 2 is -5.0");
        assertThatThrownBy(() -> new FinanceInputs(
                        1, 1, 1, 1, 0.05, 2, 1, 1, null, new double[2], new double[2], new double[2], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annualSavingYen is missing");
        assertThatThrownBy(() -> new FinanceInputs(
                        1, 1, 1, 1, 0.05, 2, 1, 1, new double[2], new double[2], new double[2], new double[2], 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("salvageFraction 1.5");
        assertThatThrownBy(() -> new FinanceInputs(
                        -1, 1, 1, 1, 0.05, 2, 1, 1, new double[2], new double[2], new double[2], new double[2], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capexYenPerKwh -1.0");
        assertThatThrownBy(() -> new FinanceInputs(
                        1, 1, 1, 1, -1, 2, 1, 1, new double[2], new double[2], new double[2], new double[2], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discountRate -1.0");
        assertThatThrownBy(() -> new FinanceInputs(
                        1, 1, 1, 1, 0.05, 0, 1, 1, new double[0], new double[0], new double[0], new double[0], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("years 0");
    }

    @Test
    void theInputsKeepTheirOwnCopyOfTheArrays() {
        double[] saving = {60, 60};
        FinanceInputs in = new FinanceInputs(
                100, 0, 0, 0, 0.0, 2, 1, 0, saving, new double[] {1, 1}, new double[2], new double[2], 0);
        saving[0] = -1e9;
        assertThat(BusinessCase.of(in).cashFlowYen()[1]).isEqualTo(60.0);
    }

    static double annuityFactor(double r, int n) {
        return (1 - Math.pow(1 + r, -n)) / r;
    }

    static double[] constant(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
