package dev.chikuden.battery.ecm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class OcvTableTest {
    private final OcvTable table = new OcvTable(new double[] {0.1, 0.5, 0.9}, new double[] {3.0, 3.2, 3.6});

    @Test
    void interpolatesLinearlyBetweenPointsAndHitsThemExactly() {
        assertThat(table.voltage(0.5)).isEqualTo(3.2);
        assertThat(table.voltage(0.3)).isCloseTo(3.1, offset(1e-12));
        assertThat(table.voltage(0.8)).isCloseTo(3.2 + 0.75 * 0.4, offset(1e-12));
    }

    @Test
    void holdsTheEndValuesOutsideTheTable() {
        assertThat(table.voltage(0)).isEqualTo(3.0);
        assertThat(table.voltage(-0.2)).isEqualTo(3.0);
        assertThat(table.voltage(0.95)).isEqualTo(3.6);
        assertThat(table.voltage(1.3)).isEqualTo(3.6);
        assertThat(table.voltage(Double.NaN)).isNaN();
    }

    @Test
    void meanVoltageIsTheIntegralOverSoc0To1IncludingTheClampedEnds() {
        // flat 3.0 over 0.1, trapezoids 3.1 * 0.4 and 3.4 * 0.4, flat 3.6 over 0.1
        assertThat(table.meanVoltage()).isCloseTo(0.30 + 1.24 + 1.36 + 0.36, offset(1e-12));
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sum += table.voltage((i + 0.5) / n);
        }
        assertThat(table.meanVoltage()).isCloseTo(sum / n, offset(1e-8));
    }

    @Test
    void keepsItsOwnCopyOfThePoints() {
        double[] soc = {0, 1};
        double[] volts = {3, 4};
        OcvTable t = new OcvTable(soc, volts);
        volts[1] = 100;
        assertThat(t.voltage(1)).isEqualTo(4);
    }

    @Test
    void rejectsMalformedTablesWithAMessageNamingTheProblem() {
        assertThatThrownBy(() -> new OcvTable(null, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: the SOC and voltage points are required");
        assertThatThrownBy(() -> new OcvTable(new double[] {0, 1}, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: 2 SOC points but 1 voltages; they must pair up");
        assertThatThrownBy(() -> new OcvTable(new double[] {0.5}, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: needs at least 2 points, got 1");
        assertThatThrownBy(() -> new OcvTable(new double[] {0, 1.2}, new double[] {3, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: soc[1] = 1.2 must lie in [0, 1]");
        assertThatThrownBy(() -> new OcvTable(new double[] {Double.NaN, 1}, new double[] {3, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: soc[0] = NaN must lie in [0, 1]");
        assertThatThrownBy(() -> new OcvTable(new double[] {0, 0.5, 0.5}, new double[] {3, 3.1, 3.2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: SOC must increase strictly, but soc[2] = 0.5 follows soc[1] = 0.5");
        assertThatThrownBy(() -> new OcvTable(new double[] {0, 0.5, 1}, new double[] {3, 3.3, 3.3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "OCV table: voltage must increase strictly with SOC, but voltage[2] = 3.3 V follows voltage[1] = 3.3 V");
        assertThatThrownBy(() -> new OcvTable(new double[] {0, 1}, new double[] {0, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: voltage[0] = 0.0 V must be positive and finite");
        assertThatThrownBy(() -> new OcvTable(new double[] {0, 1}, new double[] {3, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OCV table: voltage[1] = Infinity V must be positive and finite");
    }
}
